import { Injector, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TranslocoService, TranslocoTestingModule } from '@jsverse/transloco';
import { AuthStore } from '@provdash/dashboard/auth/data-access';
import { formatLiveTime, LiveIndicator } from './live-indicator';
import { RealtimeService } from './realtime.service';
import { FakeRealtimeSockets, provideRealtimeTesting } from './testing/fake-realtime-socket';

const live = {
  status: { live: 'ข้อมูลสด', reconnecting: 'กำลังเชื่อมต่อใหม่', offline: 'ออฟไลน์', connecting: 'กำลังเชื่อมต่อ' },
  short: { live: 'สด', reconnecting: 'เชื่อมต่อใหม่', offline: 'ออฟไลน์', connecting: 'เชื่อมต่อ' },
  lastUpdate: 'อัปเดตล่าสุด {{time}}',
  hint: { live: 'สด', reconnecting: 'ไม่สด', offline: 'ไม่สด' },
};
const liveEn = {
  status: { live: 'Live', reconnecting: 'Reconnecting', offline: 'Offline', connecting: 'Connecting' },
  short: { live: 'Live', reconnecting: 'Reconnecting', offline: 'Offline', connecting: 'Connecting' },
  lastUpdate: 'Last update {{time}}',
  hint: { live: 'live', reconnecting: 'not live', offline: 'not live' },
};

function setup() {
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { th: { live }, en: { live: liveEn } },
        translocoConfig: { defaultLang: 'th', availableLangs: ['th', 'en'], reRenderOnLangChange: true },
        preloadLangs: true,
      }),
    ],
    providers: [{ provide: AuthStore, useValue: { accessToken: signal('t') } }, provideRealtimeTesting()],
  });
  const fixture = TestBed.createComponent(LiveIndicator);
  fixture.detectChanges();
  const service = TestBed.inject(RealtimeService);
  const socket = () => TestBed.inject(FakeRealtimeSockets).socket;
  const el = fixture.nativeElement as HTMLElement;
  const indicator = () => el.querySelector('[data-testid="live-indicator"]');
  const text = () => indicator()?.querySelector('.label .wide')?.textContent?.trim();
  const when = () => indicator()?.querySelector('[data-testid="live-last-update"] .wide')?.textContent?.trim();
  const render = () => {
    TestBed.tick();
    fixture.detectChanges();
  };
  return { fixture, service, socket, indicator, text, when, render, el };
}

describe('LiveIndicator', () => {
  afterEach(() => jest.useRealTimers());

  it('stays empty on screens without live data', () => {
    const { indicator, el } = setup();
    expect(indicator()).toBeNull();
    expect(el.getAttribute('role')).toBe('status');
  });

  it('says in words whether the figures are live, and when they were last current otherwise', () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] });
    jest.setSystemTime(new Date('2026-03-02T07:05:00Z'));
    const { service, socket, indicator, text, when, render } = setup();
    service.watch('public', {}, { injector: TestBed.inject(Injector) });
    render();
    expect(indicator()?.getAttribute('data-status')).toBe('reconnecting');
    expect(text()).toBe('กำลังเชื่อมต่อ');
    expect(when()).toBeUndefined();

    socket().accept();
    socket().joinOk('public', 1);
    render();
    expect(indicator()?.getAttribute('data-status')).toBe('live');
    expect(text()).toBe('ข้อมูลสด');
    expect(indicator()?.querySelector('svg')).not.toBeNull();
    expect(when()).toBeUndefined();

    jest.setSystemTime(new Date('2026-03-02T08:00:00Z'));
    socket().drop();
    render();
    expect(text()).toBe('กำลังเชื่อมต่อใหม่');
    // Buddhist Era, Bangkok clock: 07:05 UTC is 14:05 on 2 March 2569.
    expect(when()).toBe('อัปเดตล่าสุด 2 มี.ค. 2569 14:05');

    socket().active = false;
    socket().fire('connect_error', new Error('gone'));
    render();
    expect(indicator()?.getAttribute('data-status')).toBe('offline');
    expect(text()).toBe('ออฟไลน์');
    expect(when()).toBe('อัปเดตล่าสุด 2 มี.ค. 2569 14:05');

    TestBed.inject(TranslocoService).setActiveLang('en');
    render();
    expect(text()).toBe('Offline');
    expect(when()).toBe('Last update 2 Mar 2026, 14:05');
  });
});

describe('formatLiveTime', () => {
  it('gives the clock alone for today, and the date too otherwise', () => {
    const now = new Date('2026-03-02T16:00:00Z'); // 23:00 in Bangkok
    expect(formatLiveTime(new Date('2026-03-02T07:05:00Z'), 'th', now)).toEqual({
      full: '2 มี.ค. 2569 14:05',
      short: '14:05',
    });
    // 16:59 UTC on 1 March is already 2 March in Bangkok… and 17:30 UTC on 2 March is 3 March there.
    expect(formatLiveTime(new Date('2026-03-02T17:30:00Z'), 'en', now).short).toBe('3 Mar 2026, 00:30');
  });
});
