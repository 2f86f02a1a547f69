import { AbstractControl, FormGroup } from '@angular/forms';
import type { ApiProblem } from '@provdash/dashboard/workspace/data-access';

/**
 * A control's first error as the field shows it: a translation key (under `planBuilder.errors`) for
 * the form's own checks, or the API's own message (already in the reader's language) when the
 * server refused the value.
 */
export function errorOf(c: AbstractControl): { key: string | null; text: string | null } | null {
  const e = c.errors;
  if (!e) return null;
  if (typeof e['api'] === 'string') return { key: null, text: e['api'] };
  const name = ['required', 'maxlength', 'pattern', 'min', 'max', 'yearsOrder'].find((n) => e[n]) ?? 'invalid';
  return { key: `planBuilder.errors.${name}`, text: null };
}

/** The API's error keys that belong to one field whatever the body said (a duplicate code). */
const FIELD_OF_KEY: Record<string, string> = { 'conflict.duplicate': 'code' };

/**
 * Puts a refusal where it belongs: a 409 version conflict is the form's (it offers a reload), a
 * detail naming a field of the form goes under that field, anything else is the form's message.
 * Returns what is left for the form: `conflict`, a message, or null when every part found its field.
 */
export function showProblem(form: FormGroup, problem: ApiProblem): { conflict: boolean; message: string | null } {
  if (problem.status === 409 && problem.code !== 'conflict.duplicate' && problem.code !== 'plan.alreadyPublished') {
    return { conflict: true, message: problem.message };
  }
  const byKey = problem.code ? FIELD_OF_KEY[problem.code] : undefined;
  if (byKey && form.contains(byKey) && problem.message) {
    setApiError(form.get(byKey) as AbstractControl, problem.message);
    return { conflict: false, message: null };
  }
  const placed = problem.details.filter((d) => form.contains(d.field.split('.')[0]));
  for (const d of placed) setApiError(form.get(d.field.split('.')[0]) as AbstractControl, d.messages.join(' '));
  if (placed.length) return { conflict: false, message: null };
  return { conflict: false, message: problem.message ?? '' };
}

function setApiError(control: AbstractControl, message: string): void {
  control.setErrors({ api: message });
  control.markAsTouched();
}
