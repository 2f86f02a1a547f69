import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { OrgUnitsStore } from '@provdash/dashboard/org-units/data-access';
import { apiProblem } from '@provdash/dashboard/workspace/data-access';
import type { ManagedUserDto, RoleName } from '@provdash/shared/contracts';
import { AdminApi } from './admin.api';
import { injectLang, ROLE_NAMES, SCOPE_TYPE_OF_ROLE, scopeOptions } from './admin-format';

export interface UserFormData {
  /** Absent: an invitation. */
  user?: ManagedUserDto;
}

/** How the dialog ended: the saved user, and for an invitation the temporary password (shown here once). */
export interface UserFormResult {
  user: ManagedUserDto;
}

type Field = 'email' | 'displayName' | 'role' | 'orgUnitCode';

/**
 * Invite a user (e-mail, name, role, scope) or change one's name, role or scope. The scope list
 * follows the role (a province for province roles, a cluster for a cluster officer, the country for
 * admins and central staff). The API's refusal shows under the field it names; a stale version says
 * someone else changed the user. An invitation ends by showing the temporary password once.
 */
@Component({
  selector: 'pd-user-form-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let g">
      <ng-container *transloco="let t; prefix: 'people.form'">
        @if (invited(); as done) {
          <h2 mat-dialog-title>{{ t('invitedTitle') }}</h2>
          <mat-dialog-content>
            <p>{{ t('invitedBody', { name: done.user.displayName, email: done.user.email }) }}</p>
            <p class="temp" data-testid="temporary-password">{{ done.password }}</p>
            <p class="hint">{{ t('invitedOnce') }}</p>
            <button mat-stroked-button type="button" (click)="copy(done.password)" data-testid="copy-password">
              {{ copied() ? t('copied') : t('copy') }}
            </button>
          </mat-dialog-content>
          <mat-dialog-actions align="end">
            <button mat-flat-button type="button" (click)="ref.close({ user: done.user })" data-testid="invite-done">
              {{ t('done') }}
            </button>
          </mat-dialog-actions>
        } @else {
          <h2 mat-dialog-title>{{ data.user ? t('editTitle') : t('inviteTitle') }}</h2>
          <form [formGroup]="form" (ngSubmit)="save()" novalidate>
            <mat-dialog-content>
              @if (!data.user) {
                <mat-form-field class="wide">
                  <mat-label>{{ t('email') }}</mat-label>
                  <input matInput type="email" formControlName="email" autocomplete="off" data-testid="user-email" />
                  <mat-error data-testid="email-error">{{ errorText('email', t) }}</mat-error>
                </mat-form-field>
              } @else {
                <p class="who">{{ data.user.email }}</p>
              }
              <mat-form-field class="wide">
                <mat-label>{{ t('displayName') }}</mat-label>
                <input matInput formControlName="displayName" maxlength="200" data-testid="user-name" />
                <mat-error>{{ errorText('displayName', t) }}</mat-error>
              </mat-form-field>
              <mat-form-field class="wide">
                <mat-label>{{ t('role') }}</mat-label>
                <mat-select formControlName="role" data-testid="user-role-select">
                  @for (r of roles; track r) {
                    <mat-option [value]="r">{{ g('roles.' + r) }}</mat-option>
                  }
                </mat-select>
                <mat-error>{{ errorText('role', t) }}</mat-error>
              </mat-form-field>
              <mat-form-field class="wide">
                <mat-label>{{ t('scope') }}</mat-label>
                <mat-select formControlName="orgUnitCode" data-testid="user-scope-select">
                  @for (o of scopes(); track o.code) {
                    <mat-option [value]="o.code">{{ lang() === 'en' ? o.nameEn : o.nameTh }} ({{ o.code }})</mat-option>
                  }
                </mat-select>
                <mat-hint>{{ t('scopeHint.' + scopeType()) }}</mat-hint>
                <mat-error>{{ errorText('orgUnitCode', t) }}</mat-error>
              </mat-form-field>
              @if (data.user) {
                <p class="hint">{{ t('takesEffect') }}</p>
              } @else {
                <p class="hint">{{ t('inviteHint') }}</p>
              }
              @if (formError(); as e) {
                <p class="error" role="alert" data-testid="user-form-error">{{ e }}</p>
              }
            </mat-dialog-content>
            <mat-dialog-actions align="end">
              <button mat-button type="button" mat-dialog-close>{{ t('cancel') }}</button>
              <button mat-flat-button type="submit" [disabled]="busy()" data-testid="user-save">
                {{ data.user ? t('save') : t('invite') }}
              </button>
            </mat-dialog-actions>
          </form>
        }
      </ng-container>
    </ng-container>
  `,
  styles: `
    .wide {
      width: 100%;
    }
    mat-dialog-content {
      min-width: min(420px, 80vw);
    }
    .who {
      margin: 0 0 12px;
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
      font-size: 0.9em;
    }
    .temp {
      font-family: ui-monospace, monospace;
      font-size: 1.25rem;
      padding: 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container-high);
      user-select: all;
      overflow-wrap: anywhere;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class UserFormDialog {
  protected readonly data = inject<UserFormData>(MAT_DIALOG_DATA);
  protected readonly ref = inject(MatDialogRef<UserFormDialog, UserFormResult>);
  private readonly api = inject(AdminApi);
  private readonly directory = inject(OrgUnitsStore).directory;
  protected readonly lang = injectLang();
  private readonly transloco = inject(TranslocoService);
  protected readonly roles = ROLE_NAMES;
  protected readonly busy = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly invited = signal<{ user: ManagedUserDto; password: string } | null>(null);
  protected readonly copied = signal(false);
  /** Messages the API gave per field, shown until the field changes. */
  private readonly serverErrors = signal<Partial<Record<Field, string>>>({});

  protected readonly form = new FormGroup({
    email: new FormControl(this.data.user?.email ?? '', {
      nonNullable: true,
      validators: this.data.user ? [] : [Validators.required, Validators.email, Validators.maxLength(200)],
    }),
    displayName: new FormControl(this.data.user?.displayName ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(200)],
    }),
    role: new FormControl<RoleName>(this.data.user?.role ?? 'province_officer', { nonNullable: true }),
    orgUnitCode: new FormControl(this.data.user?.scope.code ?? '', {
      nonNullable: true,
      validators: [Validators.required],
    }),
  });

  private readonly role = toSignal(this.form.controls.role.valueChanges, {
    initialValue: this.form.controls.role.value,
  });
  protected readonly scopeType = computed(() => SCOPE_TYPE_OF_ROLE[this.role()]);
  protected readonly scopes = computed(() =>
    scopeOptions(this.directory.value()).filter((o) => o.type === this.scopeType()),
  );

  constructor() {
    // A role of another kind of scope: the old scope no longer fits; the country is the only one for country roles.
    this.form.controls.role.valueChanges.subscribe((role) => {
      const type = SCOPE_TYPE_OF_ROLE[role];
      const current = scopeOptions(this.directory.value()).find((o) => o.code === this.form.controls.orgUnitCode.value);
      if (type === 'country') this.form.controls.orgUnitCode.setValue('TH');
      else if (current && current.type !== type) this.form.controls.orgUnitCode.setValue('');
    });
    for (const [name, control] of Object.entries(this.form.controls)) {
      control.valueChanges.subscribe(() => {
        if (this.serverErrors()[name as Field]) {
          this.serverErrors.update((e) => ({ ...e, [name]: undefined }));
          control.updateValueAndValidity({ emitEvent: false });
        }
      });
    }
  }

  protected errorText(field: Field, t: (key: string) => string): string {
    const control = this.form.controls[field];
    const server = this.serverErrors()[field];
    if (server) return server;
    if (control.hasError('required')) return t('required');
    if (control.hasError('email')) return t('emailInvalid');
    if (control.hasError('maxlength')) return t('tooLong');
    return '';
  }

  protected async copy(text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.copied.set(true);
    } catch {
      // No clipboard (an insecure origin): the text is selectable with one click.
    }
  }

  protected async save(): Promise<void> {
    this.formError.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    const v = this.form.getRawValue();
    try {
      const user = this.data.user;
      if (user) {
        const change = {
          version: user.version,
          ...(v.displayName !== user.displayName ? { displayName: v.displayName } : {}),
          ...(v.role !== user.role ? { role: v.role } : {}),
          ...(v.orgUnitCode !== user.scope.code ? { orgUnitCode: v.orgUnitCode } : {}),
        };
        this.ref.close({ user: await this.api.update(user.id, change) });
      } else {
        const created = await this.api.invite({
          email: v.email.trim(),
          displayName: v.displayName.trim(),
          role: v.role,
          orgUnitCode: v.orgUnitCode,
        });
        const { temporaryPassword, ...rest } = created;
        this.invited.set({ user: rest, password: temporaryPassword ?? '' });
      }
    } catch (error) {
      this.showProblem(error);
    } finally {
      this.busy.set(false);
    }
  }

  private showProblem(error: unknown): void {
    const p = apiProblem(error);
    const fields: Partial<Record<Field, string>> = {};
    for (const d of p.details) {
      if (d.field in this.form.controls) fields[d.field as Field] = d.messages.join(' ');
    }
    // A duplicate e-mail is a 409 without details: it belongs under the e-mail.
    if (p.code === 'conflict.duplicate' && !this.data.user) fields.email = p.message ?? '';
    this.serverErrors.set(fields);
    for (const name of Object.keys(fields) as Field[]) {
      const control = this.form.controls[name];
      control.setErrors({ server: true });
      control.markAsTouched();
    }
    if (Object.keys(fields).length === 0) {
      // A stale version: someone else saved meanwhile; the API's message says to reload.
      this.formError.set(p.message ?? this.transloco.translate('people.form.failed'));
    }
  }
}
