import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import type { FieldError } from '../../common/api-error';

/**
 * zxcvbn's score (0–4) a password must reach: 3 means about 10^8 guesses, out of reach of an online
 * attack under the sign-in limits and slow against a stolen argon2id hash. Length alone let
 * `Password1234` and `qwertyuiop12` through.
 */
export const MIN_PASSWORD_SCORE = 3;

let factory: ZxcvbnFactory | undefined;
/** Built on first use: the dictionaries are large and only user administration needs them. */
function strength(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...english.dictionary },
  });
  return factory;
}

/** The parts of a person's identity a guesser tries first: the e-mail's name and domain words, each name. */
function personalWords(email: string, displayName: string): string[] {
  const [local = '', domain = ''] = email.trim().toLowerCase().split('@');
  const words = [local, ...local.split(/[._+-]+/), ...domain.split('.'), ...displayName.toLowerCase().split(/\s+/)];
  // Short pieces (`go`, `th`, initials) would refuse half of all passwords for no gain.
  return [...new Set(words.map((w) => w.trim()).filter((w) => w.length >= 4))];
}

/**
 * Why a new password is refused, as a field error of `password` (the same shape as validation
 * errors), or null. Common and breached patterns (dictionaries of common passwords, names and words,
 * keyboard walks, repeats, dates) by zxcvbn; the user's own name or e-mail anywhere in it by us,
 * since zxcvbn rates `somchai.jaidee2026` strong even when told the name.
 */
export function passwordProblem(password: string, user: { email: string; displayName: string }): FieldError | null {
  const lower = password.toLowerCase();
  const personal = personalWords(user.email, user.displayName);
  if (personal.some((w) => lower.includes(w))) {
    return { field: 'password', constraints: { PASSWORD_PERSONAL: 'must not contain your name or e-mail' } };
  }
  if (strength().check(password, personal).score < MIN_PASSWORD_SCORE) {
    return {
      field: 'password',
      constraints: { PASSWORD_COMMON: 'is too common or easy to guess: use a longer phrase of unrelated words' },
    };
  }
  return null;
}
