// ASP.NET Core's authentication cookie: `AddAuthentication(…).AddCookie(options => …)`, and Identity's
// `ConfigureApplicationCookie` / `ConfigureExternalCookie`. The handler's builder starts HttpOnly, with
// `SecurePolicy = SameAsRequest` (Secure on every request the app sees as HTTPS), so only a value written to
// turn one off (`HttpOnly = false`, `CookieSecurePolicy.None`) is a finding.
import { textOf } from '../languages/csharp/parse.js';
import { builderSites, isServiceCollection } from './aspnetcore-builder-common.js';
import type { CSharpRule } from './rule.js';

export const aspnetcoreAuthCookie: CSharpRule = {
  meta: {
    id: 'aspnetcore-auth-cookie',
    framework: 'aspnetcore',
    language: 'csharp',
    api: 'AddCookie()',
    description:
      "ASP.NET Core's authentication cookie (`AddCookie`, `ConfigureApplicationCookie`, `Configure<CookieAuthenticationOptions>`) where its options turn HttpOnly or Secure off.",
    defaults: { httpOnly: 'on', secure: 'auto' },
    mentions: [
      'AddCookie',
      'ConfigureApplicationCookie',
      'ConfigureExternalCookie',
      'CookieAuthenticationOptions',
    ],
  },
  findSites(module) {
    if (!/AddCookie|Configure(?:Application|External)Cookie|CookieAuthenticationOptions/.test(module.text))
      return [];
    return builderSites(module, {
      ruleId: this.meta.id,
      defaults: this.meta.defaults,
      adders: ['AddCookie'],
      configurers: ['ConfigureApplicationCookie', 'ConfigureExternalCookie'],
      optionsType: 'CookieAuthenticationOptions',
      // `AddCookie` extends the builder `AddAuthentication(…)` returns, held in a chain or a variable.
      receiverFits: (m, call) =>
        call.name === 'AddCookie'
          ? /\bAddAuthentication\s*[<(]|AuthenticationBuilder/.test(
              call.receiver ? textOf(m.text, call.receiver) : '',
            ) || /\bAuthenticationBuilder\b/.test(m.text)
          : isServiceCollection(m, call),
      kind: 'session',
    });
  },
};
