/** A guide while typing; the server's strength rule (zxcvbn) decides on save. */
export type StrengthHint = 'empty' | 'short' | 'personal' | 'weak' | 'fair' | 'strong';

export const MIN_PASSWORD_LENGTH = 12;

/** The pieces of a person's name and e-mail a guesser tries first (4 characters or more), as the server checks. */
function personalWords(email: string, displayName: string): string[] {
  const [local = '', domain = ''] = email.trim().toLowerCase().split('@');
  const words = [local, ...local.split(/[._+-]+/), ...domain.split('.'), ...displayName.toLowerCase().split(/\s+/)];
  return [...new Set(words.map((w) => w.trim()).filter((w) => w.length >= 4))];
}

/**
 * How a new password looks while it is typed: too short, containing the user's own name or e-mail
 * (both refused by the server whatever else), then a rough weak / fair / strong by length, variety
 * and repetition. Rough on purpose: the dictionary check stays on the server, whose refusal is
 * shown under the field.
 */
export function strengthHint(password: string, user: { email: string; displayName: string } | null): StrengthHint {
  if (!password) return 'empty';
  if (password.length < MIN_PASSWORD_LENGTH) return 'short';
  const lower = password.toLowerCase();
  if (user && personalWords(user.email, user.displayName).some((w) => lower.includes(w))) return 'personal';
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  const distinct = new Set(password).size;
  if (distinct < 6 || /^(.{1,4})\1+$/.test(password)) return 'weak';
  const score = password.length + classes * 3 + Math.min(distinct, 16);
  return score >= 38 ? 'strong' : score >= 30 ? 'fair' : 'weak';
}
