import { ChangeDetectionStrategy, Component, computed, inject, output, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { AccountApi, apiErrorBody, AuthStore } from '@provdash/dashboard/auth/data-access';
import type { MySessionDto } from '@provdash/shared/contracts';
import { MIN_PASSWORD_LENGTH, strengthHint } from './password-strength';

type Field = 'currentPassword' | 'newPassword';

/** A browser's self-description, shortened to what a person recognises: the browser and the system. */
export function deviceName(userAgent: string | null): string {
  if (!userAgent) return '';
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : null;
  const system = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  return browser && system ? `${browser} · ${system}` : userAgent.slice(0, 80);
}

/**
 * The user's own password and sessions, on "my account". The password form checks length and a
 * rough strength while typing; the server's refusal (wrong current password, too common, contains
 * the name) shows under the field it names, in the user's language. Sessions: each device signed
 * in, where from and when; any other can be signed out, or all others at once.
 */
@Component({
  selector: 'pd-account-security',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; prefix: 'people.me'">
      <mat-card appearance="outlined" class="block" id="password">
        <mat-card-content>
          <h2>{{ t('passwordTitle') }}</h2>
          <form [formGroup]="form" (ngSubmit)="changePassword()" novalidate data-testid="password-form">
            <mat-form-field class="wide">
              <mat-label>{{ t('currentPassword') }}</mat-label>
              <input
                matInput
                type="password"
                formControlName="currentPassword"
                autocomplete="current-password"
                data-testid="current-password"
              />
              <mat-error data-testid="current-password-error">{{ errorText('currentPassword', t) }}</mat-error>
            </mat-form-field>
            <mat-form-field class="wide" subscriptSizing="dynamic">
              <mat-label>{{ t('newPassword') }}</mat-label>
              <input
                matInput
                type="password"
                formControlName="newPassword"
                autocomplete="new-password"
                data-testid="new-password"
              />
              @if (strength() !== 'empty') {
                <mat-hint [class]="'strength ' + strength()" data-testid="password-strength">{{
                  t('strength.' + strength())
                }}</mat-hint>
              } @else {
                <mat-hint>{{ t('newPasswordHint', { min: min }) }}</mat-hint>
              }
              <mat-error data-testid="new-password-error">{{ errorText('newPassword', t) }}</mat-error>
            </mat-form-field>
            @if (formError(); as e) {
              <p class="error" role="alert">{{ e }}</p>
            }
            @if (changed()) {
              <p class="ok" role="status" data-testid="password-changed">{{ t('passwordChanged') }}</p>
            }
            <button mat-flat-button type="submit" [disabled]="busy()" data-testid="change-password">
              {{ t('changePassword') }}
            </button>
          </form>
        </mat-card-content>
      </mat-card>

      <mat-card appearance="outlined" class="block">
        <mat-card-content>
          <h2>{{ t('sessionsTitle') }}</h2>
          <p class="hint">{{ t('sessionsHint') }}</p>
          <ul class="sessions" data-testid="my-sessions">
            @for (s of sessions(); track s.id) {
              <li data-testid="my-session">
                <div class="device">
                  {{ device(s.userAgent) || t('unknownDevice') }}
                  @if (s.current) {
                    <span class="current">{{ t('thisDevice') }}</span>
                  }
                </div>
                <div class="detail">
                  {{
                    t('sessionDetail', {
                      address: s.address ?? '—',
                      started: when(s.startedAt),
                      seen: when(s.lastSeenAt),
                    })
                  }}
                </div>
                @if (!s.current) {
                  <button mat-button type="button" (click)="end(s)" data-testid="end-session">
                    {{ t('signOutSession') }}
                  </button>
                }
              </li>
            } @empty {
              <li>{{ t('noSessions') }}</li>
            }
          </ul>
          @if (othersCount() > 0) {
            <button mat-stroked-button type="button" (click)="endOthers()" data-testid="end-other-sessions">
              {{ t('signOutOthers', { count: othersCount() }) }}
            </button>
          }
          @if (sessionsError(); as e) {
            <p class="error" role="alert">{{ e }}</p>
          }
        </mat-card-content>
      </mat-card>
    </ng-container>
  `,
  styles: `
    :host {
      display: block;
    }
    .block {
      margin-top: 16px;
    }
    h2 {
      margin: 0 0 12px;
      font-size: 1.15rem;
    }
    .wide {
      width: 100%;
    }
    form {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    form button {
      align-self: flex-start;
      margin-top: 12px;
    }
    .strength.short,
    .strength.personal,
    .strength.weak {
      color: var(--mat-sys-error);
    }
    .strength.fair {
      color: #6d4c00;
    }
    .strength.strong {
      color: #1b5e20;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
      margin: 0 0 8px;
    }
    .sessions {
      list-style: none;
      margin: 0 0 12px;
      padding: 0;
    }
    .sessions li {
      padding: 8px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .device {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .current {
      margin-inline-start: 8px;
      padding: 0 8px;
      border-radius: 10px;
      font-size: 0.8em;
      font-weight: 500;
      background: #e3f2e5;
      color: #1b5e20;
    }
    .detail {
      font-size: 0.9em;
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      color: var(--mat-sys-error);
    }
    .ok {
      color: #1b5e20;
    }
  `,
})
export class AccountSecurity {
  private readonly api = inject(AccountApi);
  private readonly store = inject(AuthStore);
  private readonly transloco = inject(TranslocoService);
  private readonly lang = toSignal(this.transloco.langChanges$, { initialValue: this.transloco.getActiveLang() });
  /** The password is now the user's own (a temporary one replaced). */
  readonly passwordChanged = output<void>();
  protected readonly min = MIN_PASSWORD_LENGTH;
  protected readonly busy = signal(false);
  protected readonly changed = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly sessions = signal<MySessionDto[]>([]);
  protected readonly sessionsError = signal<string | null>(null);
  protected readonly othersCount = computed(() => this.sessions().filter((s) => !s.current).length);
  private readonly serverErrors = signal<Partial<Record<Field, string>>>({});

  protected readonly form = new FormGroup({
    currentPassword: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    newPassword: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH), Validators.maxLength(200)],
    }),
  });
  private readonly newValue = toSignal(this.form.controls.newPassword.valueChanges, { initialValue: '' });
  protected readonly strength = computed(() => strengthHint(this.newValue(), this.store.user()));

  constructor() {
    for (const [name, control] of Object.entries(this.form.controls)) {
      control.valueChanges.subscribe(() => {
        this.changed.set(false);
        if (this.serverErrors()[name as Field]) {
          this.serverErrors.update((e) => ({ ...e, [name]: undefined }));
          control.updateValueAndValidity({ emitEvent: false });
        }
      });
    }
    void this.loadSessions();
  }

  protected device(ua: string | null): string {
    return deviceName(ua);
  }

  protected when(iso: string): string {
    return new Intl.DateTimeFormat(this.lang() === 'en' ? 'en-GB' : 'th-TH-u-ca-buddhist', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Asia/Bangkok',
    }).format(new Date(iso));
  }

  protected errorText(field: Field, t: (key: string, p?: object) => string): string {
    const control = this.form.controls[field];
    const server = this.serverErrors()[field];
    if (server) return server;
    if (control.hasError('required')) return t('required');
    if (control.hasError('minlength')) return t('tooShort', { min: MIN_PASSWORD_LENGTH });
    if (control.hasError('maxlength')) return t('tooLong');
    return '';
  }

  protected async changePassword(): Promise<void> {
    this.formError.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    try {
      await this.api.changePassword(this.form.getRawValue());
      this.form.reset();
      this.changed.set(true);
      this.passwordChanged.emit();
      await this.loadSessions();
    } catch (error) {
      const body = apiErrorBody(error);
      const fields: Partial<Record<Field, string>> = {};
      for (const d of body?.details ?? []) {
        if (d.field === 'currentPassword' || d.field === 'newPassword') fields[d.field] = d.messages.join(' ');
      }
      this.serverErrors.set(fields);
      for (const name of Object.keys(fields) as Field[]) {
        this.form.controls[name].setErrors({ server: true });
        this.form.controls[name].markAsTouched();
      }
      if (Object.keys(fields).length === 0) {
        this.formError.set(body?.message ?? this.transloco.translate('people.me.failed'));
      }
    } finally {
      this.busy.set(false);
    }
  }

  protected async end(s: MySessionDto): Promise<void> {
    try {
      await this.api.endSession(s.id);
    } catch (error) {
      this.sessionsError.set(apiErrorBody(error)?.message ?? this.transloco.translate('people.me.failed'));
    }
    await this.loadSessions();
  }

  protected async endOthers(): Promise<void> {
    try {
      await this.api.endOtherSessions();
    } catch (error) {
      this.sessionsError.set(apiErrorBody(error)?.message ?? this.transloco.translate('people.me.failed'));
    }
    await this.loadSessions();
  }

  private async loadSessions(): Promise<void> {
    try {
      this.sessions.set(await this.api.sessions());
      this.sessionsError.set(null);
    } catch {
      this.sessionsError.set(this.transloco.translate('common.loadError'));
    }
  }
}
