// ASP.NET Core's session middleware: `services.AddSession(options => …)`. Its cookie builder starts HttpOnly
// but with `SecurePolicy = CookieSecurePolicy.None`, so `.AspNetCore.Session` is never Secure unless the
// options say `Always` (or `SameAsRequest`); `AddSession()` with no options is a finding too.
import { builderSites, isServiceCollection } from './aspnetcore-builder-common.js';
import type { CSharpRule } from './rule.js';

export const aspnetcoreSessionCookie: CSharpRule = {
  meta: {
    id: 'aspnetcore-session-cookie',
    framework: 'aspnetcore',
    language: 'csharp',
    api: 'AddSession()',
    description:
      "ASP.NET Core's session cookie (`AddSession`, `Configure<SessionOptions>`): `Cookie.HttpOnly` and `Cookie.SecurePolicy`, which is `None` unless set.",
    defaults: { httpOnly: 'on', secure: 'off' },
    mentions: ['AddSession', 'SessionOptions'],
  },
  findSites(module) {
    if (!/AddSession|SessionOptions/.test(module.text)) return [];
    return builderSites(module, {
      ruleId: this.meta.id,
      defaults: this.meta.defaults,
      adders: ['AddSession'],
      optionsType: 'SessionOptions',
      receiverFits: isServiceCollection,
      kind: 'session',
    });
  },
};
