import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { SwPush } from '@angular/service-worker';
import { RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import {
  NOTIFICATION_KINDS,
  type NotificationKind,
  type NotificationPreferences,
  type NotificationSettingsDto,
} from '@provdash/shared/contracts';
import { firstValueFrom } from 'rxjs';

const API = '/api/me';
const CHANNELS = ['email', 'push', 'line'] as const;
type Channel = (typeof CHANNELS)[number];

type PrefsForm = FormGroup<Record<NotificationKind, FormGroup<Record<Channel, FormControl<boolean>>>>>;

/**
 * The person's notification settings (`/me/notifications`): per kind and channel, the daily
 * digest, the language of e-mail and LINE messages; "enable push" on this device (the service
 * worker's subscription, sent to the API); linking LINE with a one-time code. A save carries the
 * version read: if the settings changed elsewhere meanwhile, it is refused and says so.
 */
@Component({
  selector: 'pd-notification-settings-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatCardModule,
    MatCheckbox,
    MatFormFieldModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSlideToggle,
    TranslocoDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; read: 'notifications'">
      <a routerLink="/me" class="back">{{ t('settings.back') }}</a>
      <h1>{{ t('settings.title') }}</h1>
      @if (!settings() && !loadError()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="t('settings.loading')" />
      }
      @if (loadError()) {
        <p class="error" role="alert">{{ t('settings.loadError') }}</p>
      }
      @if (settings(); as s) {
        <mat-card appearance="outlined" class="block">
          <mat-card-content>
            <h2>{{ t('push.title') }}</h2>
            @if (!pushSupported) {
              <p class="muted" data-testid="push-unsupported">{{ t('push.unsupported') }}</p>
            } @else if (pushOn()) {
              <p data-testid="push-on">{{ t('push.on') }}</p>
              <button mat-button type="button" (click)="disablePush()" [disabled]="busy()">{{ t('push.disable') }}</button>
            } @else {
              <p class="muted">{{ t('push.explain') }}</p>
              <button mat-flat-button type="button" data-testid="push-enable" (click)="enablePush()" [disabled]="busy()">
                {{ t('push.enable') }}
              </button>
            }
            @if (pushError()) {
              <p class="error" role="alert">{{ t(pushError()!) }}</p>
            }
            <p class="muted small">{{ t('push.devices', { n: s.pushDevices }) }}</p>
          </mat-card-content>
        </mat-card>

        <form [formGroup]="form" (ngSubmit)="save()" class="block">
          <mat-card appearance="outlined">
            <mat-card-content>
              <h2>{{ t('settings.what') }}</h2>
              <p class="muted small">{{ t('settings.inAppAlways') }}</p>
              <div class="table" role="table" [attr.aria-label]="t('settings.what')" formGroupName="preferences">
                <div class="row head" role="row">
                  <span role="columnheader">{{ t('settings.kind') }}</span>
                  @for (c of channels; track c) {
                    <span role="columnheader" class="c">{{ t('channels.' + c) }}</span>
                  }
                </div>
                @for (k of kinds; track k) {
                  <div class="row" role="row" [formGroupName]="k">
                    <span role="rowheader" class="kind">{{ t('kinds.' + k) }}</span>
                    @for (c of channels; track c) {
                      <span role="cell" class="c">
                        <mat-checkbox
                          [formControlName]="c"
                          [attr.data-testid]="'pref-' + k + '-' + c"
                          [aria-label]="t('kinds.' + k) + ' · ' + t('channels.' + c)"
                        />
                      </span>
                    }
                  </div>
                }
              </div>
              @if (!s.available.email || !s.available.line) {
                <p class="muted small">
                  @if (!s.available.email) {
                    {{ t('settings.emailOff') }}
                  }
                  @if (!s.available.line) {
                    {{ t('settings.lineOff') }}
                  }
                </p>
              }
              <mat-slide-toggle formControlName="dailyDigest" data-testid="daily-digest">{{
                t('settings.digest')
              }}</mat-slide-toggle>
              <p class="muted small">{{ t('settings.quietHours') }}</p>
              <mat-form-field appearance="outline" class="locale">
                <mat-label>{{ t('settings.locale') }}</mat-label>
                <mat-select formControlName="locale" data-testid="notification-locale">
                  <mat-option value="th">ไทย</mat-option>
                  <mat-option value="en">English</mat-option>
                </mat-select>
              </mat-form-field>
              @if (saveError()) {
                <p class="error" role="alert" data-testid="settings-error">{{ saveError() }}</p>
              }
              @if (saved()) {
                <p class="ok" role="status" data-testid="settings-saved">{{ t('settings.saved') }}</p>
              }
              <div class="actions">
                @if (stale()) {
                  <button mat-button type="button" (click)="load()">{{ t('settings.reload') }}</button>
                }
                <button mat-flat-button type="submit" data-testid="settings-save" [disabled]="busy() || form.pristine">
                  {{ t('settings.save') }}
                </button>
              </div>
            </mat-card-content>
          </mat-card>
        </form>

        @if (s.available.line) {
          <mat-card appearance="outlined" class="block">
            <mat-card-content>
              <h2>{{ t('line.title') }}</h2>
              @if (s.lineLinked) {
                <p data-testid="line-linked">{{ t('line.linked') }}</p>
                <button mat-button type="button" (click)="unlinkLine()" [disabled]="busy()">{{ t('line.unlink') }}</button>
              } @else if (lineCode()) {
                <p>{{ t('line.sendCode') }}</p>
                <p class="code" data-testid="line-code">{{ lineCode() }}</p>
              } @else {
                <p class="muted">{{ t('line.explain') }}</p>
                <button mat-flat-button type="button" (click)="linkLine()" [disabled]="busy()">{{ t('line.link') }}</button>
              }
            </mat-card-content>
          </mat-card>
        }
      }
    </ng-container>
  `,
  styles: `
    :host {
      display: block;
      max-width: 720px;
      margin: 0 auto;
      padding: 16px;
    }
    h1 {
      margin: 4px 0 12px;
      font-size: 1.5rem;
    }
    h2 {
      margin: 0 0 8px;
      font-size: 1.1rem;
    }
    .back {
      color: var(--mat-sys-primary);
    }
    .block {
      display: block;
      margin-bottom: 16px;
    }
    .table {
      display: grid;
      margin-bottom: 12px;
    }
    .row {
      display: grid;
      grid-template-columns: 1fr repeat(3, 64px);
      align-items: center;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      min-height: 44px;
    }
    .row.head {
      font-size: 12px;
      color: var(--mat-sys-on-surface-variant);
    }
    .c {
      text-align: center;
    }
    .kind {
      overflow-wrap: anywhere;
      padding-right: 4px;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .small {
      font-size: 13px;
    }
    .error {
      color: var(--mat-sys-error);
    }
    .ok {
      color: var(--mat-sys-primary);
    }
    .locale {
      display: block;
      max-width: 240px;
      margin-top: 8px;
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
      flex-wrap: wrap;
    }
    .code {
      font: 600 1.4rem/1.4 monospace;
      letter-spacing: 1px;
      user-select: all;
    }
    @media (max-width: 480px) {
      :host {
        padding: 12px 8px;
      }
      .row {
        grid-template-columns: 1fr repeat(3, 48px);
      }
    }
  `,
})
export class NotificationSettingsPage implements OnInit {
  private readonly http = inject(HttpClient);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly swPush = inject(SwPush);
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = toSignal(this.transloco.langChanges$, { initialValue: this.transloco.getActiveLang() });

  protected readonly kinds = NOTIFICATION_KINDS;
  protected readonly channels = CHANNELS;
  protected readonly pushSupported = this.swPush.isEnabled;

  protected readonly settings = signal<NotificationSettingsDto | null>(null);
  protected readonly loadError = signal(false);
  protected readonly busy = signal(false);
  protected readonly saveError = signal<string | null>(null);
  protected readonly stale = signal(false);
  protected readonly saved = signal(false);
  protected readonly pushError = signal<string | null>(null);
  protected readonly lineCode = signal<string | null>(null);
  private readonly subscription = toSignal(this.swPush.subscription, { initialValue: null });
  protected readonly pushOn = computed(() => this.subscription() !== null);

  protected readonly form = this.fb.group({
    preferences: this.fb.group(
      Object.fromEntries(
        NOTIFICATION_KINDS.map((k) => [
          k,
          this.fb.group(Object.fromEntries(CHANNELS.map((c) => [c, this.fb.control(true)])) as Record<Channel, FormControl<boolean>>),
        ]),
      ) as Record<NotificationKind, FormGroup<Record<Channel, FormControl<boolean>>>>,
    ) as PrefsForm,
    dailyDigest: this.fb.control(false),
    locale: this.fb.control<'th' | 'en'>('th'),
  });

  ngOnInit(): void {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.loadError.set(false);
    this.stale.set(false);
    this.saveError.set(null);
    try {
      const s = await firstValueFrom(this.http.get<NotificationSettingsDto>(`${API}/notification-settings`));
      this.apply(s);
    } catch {
      this.loadError.set(true);
    }
  }

  private apply(s: NotificationSettingsDto): void {
    this.settings.set(s);
    this.form.reset({ preferences: s.preferences, dailyDigest: s.dailyDigest, locale: s.locale });
  }

  protected async save(): Promise<void> {
    const s = this.settings();
    if (!s) return;
    this.busy.set(true);
    this.saveError.set(null);
    this.saved.set(false);
    try {
      const v = this.form.getRawValue();
      const next = await firstValueFrom(
        this.http.put<NotificationSettingsDto>(`${API}/notification-settings`, {
          version: s.version,
          preferences: v.preferences as NotificationPreferences,
          dailyDigest: v.dailyDigest,
          locale: v.locale,
        }),
      );
      this.apply(next);
      this.saved.set(true);
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status === 409) {
        this.stale.set(true);
        this.saveError.set(this.transloco.translate('notifications.settings.stale'));
      } else {
        const message = (error as { error?: { message?: string } }).error?.message;
        this.saveError.set(message ?? this.transloco.translate('notifications.settings.saveError'));
      }
    } finally {
      this.busy.set(false);
    }
  }

  protected async enablePush(): Promise<void> {
    this.busy.set(true);
    this.pushError.set(null);
    try {
      const { publicKey } = await firstValueFrom(this.http.get<{ publicKey: string }>(`${API}/push-key`));
      const sub = await this.swPush.requestSubscription({ serverPublicKey: publicKey });
      const json = sub.toJSON();
      const res = await firstValueFrom(
        this.http.post<{ pushDevices: number }>(`${API}/push-subscriptions`, { endpoint: json.endpoint, keys: json.keys }),
      );
      this.settings.update((s) => (s ? { ...s, pushDevices: res.pushDevices } : s));
    } catch (error) {
      const denied = typeof Notification !== 'undefined' && Notification.permission === 'denied';
      this.pushError.set(denied ? 'push.denied' : 'push.failed');
      void error;
    } finally {
      this.busy.set(false);
    }
  }

  protected async disablePush(): Promise<void> {
    this.busy.set(true);
    try {
      const sub = this.subscription();
      if (sub) {
        const res = await firstValueFrom(
          this.http.delete<{ pushDevices: number }>(`${API}/push-subscriptions`, { params: { endpoint: sub.endpoint } }),
        );
        this.settings.update((s) => (s ? { ...s, pushDevices: res.pushDevices } : s));
      }
      await this.swPush.unsubscribe();
    } catch {
      this.pushError.set('push.failed');
    } finally {
      this.busy.set(false);
    }
  }

  protected async linkLine(): Promise<void> {
    this.busy.set(true);
    try {
      this.lineCode.set((await firstValueFrom(this.http.post<{ code: string }>(`${API}/line-link`, {}))).code);
    } finally {
      this.busy.set(false);
    }
  }

  protected async unlinkLine(): Promise<void> {
    this.busy.set(true);
    try {
      this.apply(await firstValueFrom(this.http.delete<NotificationSettingsDto>(`${API}/line-link`)));
    } finally {
      this.busy.set(false);
    }
  }
}
