import { passwordProblem } from './password-policy';

const somchai = { email: 'somchai.jaidee@moi.go.th', displayName: 'สมชาย ใจดี' };

describe('the password rule', () => {
  it.each(['Password1234', 'qwertyuiop123', 'iloveyou2026', '123456789012', 'aaaaaaaaaaaa', 'bangkok12345'])(
    'refuses the common or patterned %p',
    (password) => {
      expect(passwordProblem(password, somchai)?.constraints).toHaveProperty('PASSWORD_COMMON');
    },
  );

  it.each(['Somchai.Jaidee2026', 'my-jaidee-secret-phrase', 'xx-สมชาย-long-phrase-99'])(
    "refuses %p: it contains the user's own name or e-mail",
    (password) => {
      expect(passwordProblem(password, somchai)?.constraints).toHaveProperty('PASSWORD_PERSONAL');
    },
  );

  it('accepts a long phrase of unrelated words', () => {
    expect(passwordProblem('Kh0ng-Kaen-Lamyai-77', somchai)).toBeNull();
    expect(passwordProblem('river lantern mango tractor', somchai)).toBeNull();
  });
});
