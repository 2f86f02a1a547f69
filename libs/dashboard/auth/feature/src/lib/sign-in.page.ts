import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { apiErrorBody, AuthStore, safeReturnUrl } from '@provdash/dashboard/auth/data-access';

interface Failure {
  /** The API's own sentence, already in the reader's language; null when there was no answer. */
  message: string | null;
  details: string[];
}

/** Sign in with email and password; afterwards back to where the user was headed. */
@Component({
  selector: 'pd-sign-in-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './sign-in.page.html',
  styleUrl: './sign-in.page.scss',
})
export class SignInPage {
  private readonly store = inject(AuthStore);
  private readonly router = inject(Router);

  /** From the query string (`?returnUrl=`), set by the guards and the user menu. */
  readonly returnUrl = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly submitting = signal(false);
  protected readonly failure = signal<Failure | null>(null);

  protected async submit(): Promise<void> {
    if (this.submitting()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    this.failure.set(null);
    const { email, password } = this.form.getRawValue();
    try {
      await this.store.login(email.trim(), password);
      await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
    } catch (error) {
      const body = apiErrorBody(error);
      this.failure.set({
        message: body?.message ?? null,
        details: body?.details?.flatMap((d) => d.messages) ?? [],
      });
    } finally {
      this.submitting.set(false);
    }
  }
}
