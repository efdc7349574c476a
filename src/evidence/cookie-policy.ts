// ASP.NET Core's cookie policy middleware: `CookiePolicyOptions` (configured with
// `services.Configure<CookiePolicyOptions>(…)`, `services.AddCookiePolicy(…)` or passed to
// `app.UseCookiePolicy(new CookiePolicyOptions { … })`) raise every cookie written through
// `HttpContext.Response.Cookies` after the middleware: `HttpOnly = HttpOnlyPolicy.Always` makes each one
// HttpOnly, `Secure = CookieSecurePolicy.Always` each one Secure, and `SameAsRequest` Secure on requests the app
// sees as HTTPS. The policy only ever upgrades, and only when `app.UseCookiePolicy()` is in the pipeline.
import { csharpCodeText } from '../languages/csharp/code-text.js';
import type { Source } from './source.js';
import type { CookiePolicyFact } from './types.js';

const POLICY_WORDS = /\bCookiePolicyOptions\b|\bAddCookiePolicy\b|\bUseCookiePolicy\s*\(/;

/** The policy's HttpOnly / Secure values in one C# source (whether the middleware runs is asked separately). */
export function findCookiePolicy(source: Source): CookiePolicyFact[] {
  if (source.kind !== 'csharp' || !source.text.includes('Policy')) return [];
  const code = csharpCodeText(source.text) ?? source.text;
  if (!POLICY_WORDS.test(code)) return [];
  const facts: CookiePolicyFact[] = [];
  const httpOnly =
    /(?<![\w.])(?:[\w.]+\.)?HttpOnly\s*=\s*(?:(?:global::)?Microsoft\.AspNetCore\.CookiePolicy\.)?HttpOnlyPolicy\.Always\b/g;
  for (const match of code.matchAll(httpOnly)) {
    facts.push({
      ...source.fact(
        match.index,
        `\`${match[0].replace(/\s+/g, ' ')}\` in the cookie policy makes every cookie HttpOnly`,
      ),
      framework: 'aspnetcore',
      flag: 'httpOnly',
      value: 'always',
    });
  }
  // `Secure =`, not a builder's `SecurePolicy =`.
  const secure =
    /(?<![\w.])(?:[\w.]+\.)?Secure\s*=\s*(?:(?:global::)?Microsoft\.AspNetCore\.Http\.)?CookieSecurePolicy\.(Always|SameAsRequest)\b/g;
  for (const match of code.matchAll(secure)) {
    const always = match[1] === 'Always';
    facts.push({
      ...source.fact(
        match.index,
        always
          ? `\`${match[0].replace(/\s+/g, ' ')}\` in the cookie policy makes every cookie Secure`
          : `\`${match[0].replace(/\s+/g, ' ')}\` in the cookie policy makes every cookie Secure on requests the app sees as HTTPS`,
      ),
      framework: 'aspnetcore',
      flag: 'secure',
      value: always ? 'always' : 'request',
    });
  }
  return facts;
}

/** Whether a C# source puts the cookie policy middleware in the pipeline (`app.UseCookiePolicy(…)`). */
export function usesCookiePolicy(source: Source): boolean {
  if (source.kind !== 'csharp' || !source.text.includes('UseCookiePolicy')) return false;
  const code = csharpCodeText(source.text) ?? source.text;
  return /\.\s*UseCookiePolicy\s*\(/.test(code);
}
