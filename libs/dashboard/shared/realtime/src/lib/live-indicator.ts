import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { RealtimeService } from './realtime.service';

const BANGKOK = 'Asia/Bangkok';

/**
 * When the figures were last current, as the import history shows its times: the Bangkok clock,
 * B.E. in Thai (the th-TH calendar). `short` is the clock alone when it is today, for phones.
 */
export function formatLiveTime(when: Date, lang: string, now: Date = new Date()): { full: string; short: string } {
  const locale = lang === 'en' ? 'en-GB' : 'th-TH';
  const full = when.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: BANGKOK });
  const day = (d: Date) => d.toLocaleDateString('en-CA', { timeZone: BANGKOK });
  const short =
    day(when) === day(now) ? when.toLocaleTimeString(locale, { timeStyle: 'short', timeZone: BANGKOK }) : full;
  return { full, short };
}

/**
 * Whether the numbers on screen are live, in words and a shape (never colour alone). Shown only on
 * screens that watch live data; anything but `live` says so, with the time of the last update.
 */
@Component({
  selector: 'pd-live-indicator',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'status' },
  template: `
    @if (realtime.watching()) {
      <span
        class="live"
        data-testid="live-indicator"
        [class]="'live s-' + status()"
        [attr.data-status]="status()"
        [attr.title]="'live.hint.' + status() | transloco"
      >
        <svg class="icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
          @switch (status()) {
            @case ('live') {
              <circle cx="12" cy="12" r="3.5" fill="currentColor" />
              <path d="M7.8 7.8a6 6 0 0 0 0 8.4M16.2 7.8a6 6 0 0 1 0 8.4" />
              <path d="M4.9 4.9a10 10 0 0 0 0 14.2M19.1 4.9a10 10 0 0 1 0 14.2" />
            }
            @case ('reconnecting') {
              <g class="spin">
                <path d="M19 12a7 7 0 1 1-2.05-4.95" />
                <path d="M19 4.5v4h-4" />
              </g>
            }
            @default {
              <circle cx="12" cy="12" r="8" />
              <path d="M6.3 17.7 17.7 6.3" />
            }
          }
        </svg>
        <span class="label">
          <span class="wide">{{ 'live.status.' + label() | transloco }}</span>
          <span class="narrow">{{ 'live.short.' + label() | transloco }}</span>
        </span>
        @if (status() !== 'live' && when(); as w) {
          <span class="when" data-testid="live-last-update">
            <span class="wide">{{ 'live.lastUpdate' | transloco: { time: w.full } }}</span>
            <span class="narrow">{{ w.short }}</span>
          </span>
        }
      </span>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      min-width: 0;
    }
    .live {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 2px 8px;
      border: 1px solid currentColor;
      border-radius: 12px;
      font-size: 0.8rem;
      line-height: 1.3;
      white-space: nowrap;
    }
    .icon {
      flex: none;
      fill: none;
      stroke: currentColor;
      stroke-width: 2;
      stroke-linecap: round;
    }
    .s-live {
      color: #1b5e20;
      background: #e8f5e9;
    }
    .s-reconnecting {
      color: #6d4c00;
      background: #fff8e1;
    }
    .s-offline {
      color: #424242;
      background: #eeeeee;
      border-style: dashed;
    }
    .when::before {
      content: '·';
      margin-right: 4px;
    }
    .narrow {
      display: none;
    }
    @media (prefers-reduced-motion: no-preference) {
      .spin {
        transform-origin: 12px 12px;
        animation: pd-live-spin 1.2s linear infinite;
      }
    }
    @keyframes pd-live-spin {
      to {
        transform: rotate(360deg);
      }
    }
    /* The phone toolbar also holds the title, the language switch and the account corner. */
    @media (max-width: 600px) {
      .live {
        padding: 2px 6px;
      }
      .wide {
        display: none;
      }
      .narrow {
        display: inline;
      }
    }
  `,
})
export class LiveIndicator {
  protected readonly realtime = inject(RealtimeService);
  private readonly transloco = inject(TranslocoService);
  private readonly lang = toSignal(this.transloco.langChanges$, { initialValue: this.transloco.getActiveLang() });

  protected readonly status = this.realtime.status;
  /** Before the first sync there is no "last update" to give: the screen is still connecting. */
  protected readonly label = computed(() =>
    this.status() === 'reconnecting' && !this.realtime.lastUpdate() ? 'connecting' : this.status(),
  );
  protected readonly when = computed(() => {
    const last = this.realtime.lastUpdate();
    return last ? formatLiveTime(last, this.lang()) : null;
  });
}
