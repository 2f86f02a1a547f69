import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { AuthStore } from '@provdash/dashboard/auth/data-access';
import {
  FakeRealtimeSockets,
  liveEvent,
  provideRealtimeTesting,
  RealtimeService,
} from '@provdash/dashboard/shared/realtime';
import type { NotificationDto } from '@provdash/shared/contracts';
import { NOTIFICATIONS_API, NotificationsStore } from './notifications.store';

const USER = '11111111-2222-4333-8444-555555555555';
const ROOM = `user:${USER}` as const;

const n = (id: string, readAt: string | null = null): NotificationDto => ({
  id,
  kind: 'kpi.red',
  titleTh: `ตัวชี้วัดเป็นสีแดง ${id}`,
  titleEn: `KPI turned red ${id}`,
  bodyTh: '',
  bodyEn: '',
  link: '/province/20',
  urgent: false,
  createdAt: '2026-12-07T02:00:00.000Z',
  readAt,
});

async function settle() {
  for (let i = 0; i < 5; i++) await Promise.resolve();
  TestBed.tick();
}

async function open() {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      {
        provide: AuthStore,
        useValue: { user: signal({ id: USER }), accessToken: signal('token'), ready: signal(true) },
      },
      provideRealtimeTesting(),
    ],
  });
  void TestBed.inject(RealtimeService).whenConnected();
  const socket = TestBed.inject(FakeRealtimeSockets).socket;
  socket.accept();
  const http = TestBed.inject(HttpTestingController);
  const store = TestBed.inject(NotificationsStore);
  store.start();
  TestBed.tick();
  http.expectOne(NOTIFICATIONS_API).flush({ items: [n('a'), n('b', '2026-12-07T01:00:00.000Z')], unread: 1 });
  await settle();
  expect(socket.joins()).toEqual([{ room: ROOM }]);
  socket.joinOk(ROOM, 3);
  await settle();
  return { store, socket, http };
}

describe('NotificationsStore (the bell)', () => {
  it('loads the list and the unread count, then follows the person’s own room live', async () => {
    const { store, socket } = await open();
    expect(store.unread()).toBe(1);
    expect(store.items().map((x) => x.id)).toEqual(['a', 'b']);

    socket.fire('notification.created', liveEvent(ROOM, 4, { notification: n('c'), unread: 2 }));
    await settle();
    expect(store.unread()).toBe(2);
    expect(store.items().map((x) => x.id)).toEqual(['c', 'a', 'b']);

    // Read on another device: this one follows.
    socket.fire('notification.read', liveEvent(ROOM, 5, { ids: ['c'], unread: 1 }, '2026-12-07T03:00:00.000Z'));
    await settle();
    expect(store.unread()).toBe(1);
    expect(store.items()[0].readAt).toBe('2026-12-07T03:00:00.000Z');
  });

  it('marks read at once on this device, and takes the server’s count', async () => {
    const { store, http } = await open();
    const done = store.markRead('all');
    await settle();
    expect(store.items().every((x) => x.readAt !== null)).toBe(true);
    const req = http.expectOne(`${NOTIFICATIONS_API}/read`);
    expect(req.request.body).toEqual({ all: true });
    req.flush({ unread: 0 });
    await done;
    expect(store.unread()).toBe(0);
  });
});
