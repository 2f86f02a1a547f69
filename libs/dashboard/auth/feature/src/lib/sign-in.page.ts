import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { apiErrorBody, AuthStore, safeReturnUrl } from '@provdash/dashboard/auth/data-access';

interface Failure {
  /** The API's own sentence, in the language of the moment it came; null when there was no answer. */
  message: string | null;
  details: string[];
  /** The message's key (`auth.badCredentials`), so the screen can say it again in another language. */
  code: string | null;
  /** The language the API answered in (the one chosen when the form was sent). */
  lang: string;
}

/** The API's sign-in refusals the screen knows by key, under `auth.signIn.errors.*`. */
const KNOWN_FAILURES: Record<string, string> = {
  'auth.badCredentials': 'badCredentials',
  'auth.tooManyAttempts': 'tooManyAttempts',
  'validation.failed': 'invalid',
};

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
  /** Set when the app sent the user here because their session ended (`?ended=1`). */
  readonly ended = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = toSignal(this.transloco.langChanges$, { initialValue: this.transloco.getActiveLang() });
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
      const user = await this.store.login(email.trim(), password);
      // A temporary password opens only "my account", where the user sets their own first.
      if (user.mustChangePassword) {
        await this.router.navigate(['/me'], { queryParams: { returnUrl: safeReturnUrl(this.returnUrl()) } });
      } else {
        await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
      }
    } catch (error) {
      const body = apiErrorBody(error);
      this.failure.set({
        message: body?.message ?? null,
        details: body?.details?.flatMap((d) => d.messages) ?? [],
        code: body?.code ?? null,
        lang: this.transloco.getActiveLang(),
      });
    } finally {
      this.submitting.set(false);
    }
  }

  /**
   * What to say about a failure in the language shown now: the screen's own words for a refusal it
   * knows, the API's sentence while the language is still the one it answered in, else the general
   * "could not sign in" (never a sentence left in the other language after a switch).
   */
  protected failureKey(f: Failure): string | null {
    const known = f.code ? KNOWN_FAILURES[f.code] : undefined;
    return known ? `auth.signIn.errors.${known}` : null;
  }

  protected sameLang(f: Failure): boolean {
    return f.lang === this.lang();
  }
}
