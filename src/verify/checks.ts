// The judgement of one live Set-Cookie: the flags the code says it must carry, and the rules every browser
// enforces on prefixes and SameSite=None whatever the code says.
import type { CookieExpectation, SetCookie, VerifyProblem } from './types.js';

export function cookieProblems(cookie: SetCookie, expected: CookieExpectation): VerifyProblem[] {
  const { attributes: a, name } = cookie;
  const problems: VerifyProblem[] = [];
  const because =
    expected.source === 'code'
      ? `the code at ${expected.sites.join(', ')} needs it`
      : 'only its name suggests it';
  if (expected.httpOnly && !a.httpOnly)
    problems.push({
      code: 'httpOnly-missing',
      message: `${name} is sent without HttpOnly (${because})`,
    });
  if (expected.secure && !a.secure)
    problems.push({
      code: 'secure-missing',
      message: `${name} is sent without Secure (${because})`,
    });
  // Browser rules (RFC 6265bis §4.1.3): the prefixes are matched case-insensitively.
  const lower = name.toLowerCase();
  if (lower.startsWith('__secure-') && !a.secure)
    problems.push({
      code: 'secure-prefix-not-secure',
      message: `${name}: a __Secure- cookie without Secure is refused by browsers`,
    });
  if (lower.startsWith('__host-')) {
    if (!a.secure)
      problems.push({
        code: 'host-prefix-not-secure',
        message: `${name}: a __Host- cookie without Secure is refused by browsers`,
      });
    if (a.path !== '/')
      problems.push({
        code: 'host-prefix-path',
        message: `${name}: a __Host- cookie needs Path=/ (browsers refuse it otherwise)`,
      });
    if (a.domain !== null)
      problems.push({
        code: 'host-prefix-domain',
        message: `${name}: a __Host- cookie must not have a Domain (browsers refuse it otherwise)`,
      });
  }
  if (a.sameSite === 'None' && !a.secure)
    problems.push({
      code: 'samesite-none-not-secure',
      message: `${name}: SameSite=None without Secure is refused by browsers`,
    });
  // The same fact reported twice would count twice: the code's Secure and a prefix's Secure are one fix.
  const secureMissing = problems.some((problem) => problem.code === 'secure-missing');
  return secureMissing
    ? problems.filter(
        (problem) =>
          !['secure-prefix-not-secure', 'host-prefix-not-secure', 'samesite-none-not-secure'].includes(
            problem.code,
          ),
      )
    : problems;
}
