import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { AuthStore } from '@provdash/dashboard/auth/data-access';
import { apiProblem } from '@provdash/dashboard/workspace/data-access';
import type { ManagedUserDto } from '@provdash/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { AdminApi } from './admin.api';
import { formatInstant, injectLang } from './admin-format';
import { ConfirmData, ConfirmDialog } from './confirm.dialog';
import { UserFormData, UserFormDialog, UserFormResult } from './user-form.dialog';

type StateFilter = 'all' | 'active' | 'disabled' | 'pending';

/**
 * People (admins only): everyone with an account, searchable; invite, change role or scope,
 * disable or enable, and hand out a new temporary password. Each change carries the version read,
 * so a change made meanwhile by another admin is refused with a clear message, never overwritten.
 */
@Component({
  selector: 'pd-people-page',
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let g">
      <ng-container *transloco="let t; prefix: 'people'">
        <header class="head">
          <h1>{{ t('title') }}</h1>
          <button mat-flat-button type="button" (click)="invite()" data-testid="invite-user">{{ t('invite') }}</button>
        </header>
        <div class="filters">
          <mat-form-field class="search" subscriptSizing="dynamic">
            <mat-label>{{ t('search') }}</mat-label>
            <input matInput type="search" [(ngModel)]="query" data-testid="people-search" />
          </mat-form-field>
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ t('state') }}</mat-label>
            <mat-select [(ngModel)]="state" data-testid="people-state-filter">
              @for (s of states; track s) {
                <mat-option [value]="s">{{ t('states.' + s) }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        </div>
        @if (loading()) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="g('common.loading')" />
        } @else if (loadError()) {
          <p class="error" role="alert">{{ g('common.loadError') }}</p>
        } @else {
          <p class="count" aria-live="polite">{{ t('count', { shown: shown().length, total: users().length }) }}</p>
          <table class="people" data-testid="people-table">
            <thead>
              <tr>
                <th scope="col">{{ t('col.person') }}</th>
                <th scope="col">{{ t('col.role') }}</th>
                <th scope="col">{{ t('col.scope') }}</th>
                <th scope="col">{{ t('col.state') }}</th>
                <th scope="col">{{ t('col.lastSignIn') }}</th>
                <th scope="col">
                  <span class="visually-hidden">{{ t('col.actions') }}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              @for (u of shown(); track u.id) {
                <tr [attr.data-testid]="'person-' + u.email" [class.off]="u.disabled">
                  <td class="person">
                    <span class="name">{{ u.displayName }}</span>
                    <span class="email">{{ u.email }}</span>
                  </td>
                  <td [attr.data-label]="t('col.role')">{{ g('roles.' + u.role) }}</td>
                  <td [attr.data-label]="t('col.scope')">{{ lang() === 'en' ? u.scope.nameEn : u.scope.nameTh }}</td>
                  <td [attr.data-label]="t('col.state')">
                    <span class="state" [class]="stateOf(u)" data-testid="person-state">{{
                      t('states.' + stateOf(u))
                    }}</span>
                  </td>
                  <td [attr.data-label]="t('col.lastSignIn')">
                    {{ u.lastSignInAt ? when(u.lastSignInAt) : t('never') }}
                  </td>
                  <td class="actions">
                    <button mat-button type="button" (click)="edit(u)" data-testid="edit-person">
                      {{ t('edit') }}
                    </button>
                    @if (u.id !== me()) {
                      @if (u.disabled) {
                        <button mat-button type="button" (click)="setDisabled(u, false)" data-testid="enable-person">
                          {{ t('enable') }}
                        </button>
                      } @else {
                        <button
                          mat-button
                          type="button"
                          class="danger"
                          (click)="setDisabled(u, true)"
                          data-testid="disable-person"
                        >
                          {{ t('disable') }}
                        </button>
                      }
                      <button mat-button type="button" (click)="reset(u)" data-testid="reset-person">
                        {{ t('reset') }}
                      </button>
                    }
                  </td>
                </tr>
              } @empty {
                <tr>
                  <td colspan="6" class="empty">{{ t('none') }}</td>
                </tr>
              }
            </tbody>
          </table>
        }
      </ng-container>
    </ng-container>
  `,
  styles: `
    :host {
      display: block;
      max-width: 1200px;
      margin: 0 auto;
      padding: 16px;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
    }
    h1 {
      margin: 0;
      font-size: 1.5rem;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      margin: 16px 0 8px;
    }
    .search {
      flex: 1 1 280px;
    }
    .count {
      color: var(--mat-sys-on-surface-variant);
      margin: 4px 0 8px;
    }
    table {
      width: 100%;
      border-collapse: collapse;
    }
    th,
    td {
      text-align: start;
      padding: 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      vertical-align: middle;
    }
    th {
      font-weight: 600;
      color: var(--mat-sys-on-surface-variant);
    }
    .person .name {
      display: block;
      font-weight: 600;
    }
    .person .email {
      display: block;
      font-size: 0.875em;
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
    tr.off .name {
      text-decoration: line-through;
    }
    .state {
      display: inline-block;
      padding: 2px 8px;
      border-radius: 12px;
      font-size: 0.875em;
      white-space: nowrap;
    }
    .state.active {
      background: #e3f2e5;
      color: #1b5e20;
    }
    .state.disabled {
      background: #fde7e7;
      color: #8c1d18;
    }
    .state.pending {
      background: #fff4d6;
      color: #6d4c00;
    }
    .actions {
      white-space: nowrap;
      text-align: end;
    }
    .danger {
      color: var(--mat-sys-error);
    }
    .empty {
      text-align: center;
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      color: var(--mat-sys-error);
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
    /* A phone: each person a card, each value labelled. */
    @media (max-width: 720px) {
      thead {
        display: none;
      }
      table,
      tbody,
      tr,
      td {
        display: block;
      }
      tr {
        border: 1px solid var(--mat-sys-outline-variant);
        border-radius: 12px;
        margin-bottom: 12px;
        padding: 8px;
      }
      td {
        border: none;
        padding: 4px 8px;
      }
      td[data-label]::before {
        content: attr(data-label) ': ';
        color: var(--mat-sys-on-surface-variant);
      }
      .actions {
        text-align: start;
        white-space: normal;
      }
    }
  `,
})
export class PeoplePage {
  private readonly api = inject(AdminApi);
  private readonly dialog = inject(MatDialog);
  private readonly snack = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly auth = inject(AuthStore);
  protected readonly lang = injectLang();
  protected readonly states: StateFilter[] = ['all', 'active', 'pending', 'disabled'];
  protected readonly users = signal<ManagedUserDto[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadError = signal(false);
  protected readonly me = computed(() => this.auth.user()?.id);
  private readonly querySignal = signal('');
  private readonly stateSignal = signal<StateFilter>('all');

  protected get query(): string {
    return this.querySignal();
  }
  protected set query(v: string) {
    this.querySignal.set(v);
  }
  protected get state(): StateFilter {
    return this.stateSignal();
  }
  protected set state(v: StateFilter) {
    this.stateSignal.set(v);
  }

  protected readonly shown = computed(() => {
    const q = this.querySignal().trim().toLowerCase();
    const state = this.stateSignal();
    return this.users().filter(
      (u) =>
        (state === 'all' || this.stateOf(u) === state) &&
        (!q ||
          [u.displayName, u.email, u.scope.nameTh, u.scope.nameEn, u.scope.code].some((x) =>
            x.toLowerCase().includes(q),
          )),
    );
  });

  constructor() {
    void this.load();
  }

  protected stateOf(u: ManagedUserDto): Exclude<StateFilter, 'all'> {
    return u.disabled ? 'disabled' : u.mustChangePassword ? 'pending' : 'active';
  }

  protected when(iso: string): string {
    return formatInstant(iso, this.lang());
  }

  protected async invite(): Promise<void> {
    const result = await this.openForm({});
    if (result) this.replace(result.user);
  }

  protected async edit(user: ManagedUserDto): Promise<void> {
    const result = await this.openForm({ user });
    if (result) {
      this.replace(result.user);
      this.say('people.saved');
    }
  }

  protected async setDisabled(user: ManagedUserDto, disabled: boolean): Promise<void> {
    const key = disabled ? 'people.confirmDisable' : 'people.confirmEnable';
    const ok = await this.confirm({
      title: this.transloco.translate(`${key}.title`),
      body: this.transloco.translate(`${key}.body`, { name: user.displayName }),
      confirm: this.transloco.translate(`${key}.confirm`),
      cancel: this.transloco.translate('people.form.cancel'),
    });
    if (!ok) return;
    try {
      this.replace(await this.api.update(user.id, { disabled, version: user.version }));
      this.say(disabled ? 'people.disabled' : 'people.enabled');
    } catch (error) {
      await this.problem(error);
    }
  }

  protected async reset(user: ManagedUserDto): Promise<void> {
    const ok = await this.confirm({
      title: this.transloco.translate('people.confirmReset.title'),
      body: this.transloco.translate('people.confirmReset.body', { name: user.displayName }),
      confirm: this.transloco.translate('people.confirmReset.confirm'),
      cancel: this.transloco.translate('people.form.cancel'),
    });
    if (!ok) return;
    try {
      const { temporaryPassword, ...rest } = await this.api.resetPassword(user.id, user.version);
      this.replace(rest);
      await this.confirm({
        title: this.transloco.translate('people.form.invitedTitle'),
        body: this.transloco.translate('people.resetDone', { name: user.displayName }),
        secret: temporaryPassword,
        confirm: this.transloco.translate('people.form.done'),
      });
    } catch (error) {
      await this.problem(error);
    }
  }

  private async load(): Promise<void> {
    this.loading.set(true);
    try {
      this.users.set(await this.api.users());
      this.loadError.set(false);
    } catch {
      this.loadError.set(true);
    } finally {
      this.loading.set(false);
    }
  }

  private replace(user: ManagedUserDto): void {
    this.users.update((list) => {
      const i = list.findIndex((u) => u.id === user.id);
      return i < 0
        ? [...list, user].sort((a, b) => a.email.localeCompare(b.email))
        : list.map((u) => (u.id === user.id ? user : u));
    });
  }

  private openForm(data: UserFormData): Promise<UserFormResult | undefined> {
    const ref = this.dialog.open<UserFormDialog, UserFormData, UserFormResult>(UserFormDialog, {
      data,
      autoFocus: 'first-tabbable',
      maxWidth: '95vw',
    });
    return firstValueFrom(ref.afterClosed());
  }

  private confirm(data: ConfirmData): Promise<boolean> {
    const ref = this.dialog.open<ConfirmDialog, ConfirmData, boolean>(ConfirmDialog, { data, maxWidth: '95vw' });
    return firstValueFrom(ref.afterClosed()).then((v) => v === true);
  }

  /** A refusal: its message; a stale version also reloads the list, so the next try starts from what is there. */
  private async problem(error: unknown): Promise<void> {
    const p = apiProblem(error);
    this.snack.open(p.message ?? this.transloco.translate('people.form.failed'), undefined, { duration: 8000 });
    if (p.status === 409) await this.load();
  }

  private say(key: string): void {
    this.snack.open(this.transloco.translate(key), undefined, { duration: 4000 });
  }
}
