// ASP.NET Core's antiforgery cookie: `services.AddAntiforgery(options => …)`. Its builder starts HttpOnly with
// `SecurePolicy = CookieSecurePolicy.None` (the framework relaxes it for sites that mix HTTP and HTTPS), so the
// cookie token is never Secure unless the options ask for it. The token is checked against the form's, never
// read by script, so HttpOnly stays expected.
import { builderSites, isServiceCollection } from './aspnetcore-builder-common.js';
import type { CSharpRule } from './rule.js';

export const aspnetcoreAntiforgeryCookie: CSharpRule = {
  meta: {
    id: 'aspnetcore-antiforgery-cookie',
    framework: 'aspnetcore',
    language: 'csharp',
    api: 'AddAntiforgery()',
    description:
      "ASP.NET Core's antiforgery cookie (`AddAntiforgery`, `Configure<AntiforgeryOptions>`): `Cookie.HttpOnly` and `Cookie.SecurePolicy`, which is `None` unless set.",
    defaults: { httpOnly: 'on', secure: 'off' },
    mentions: ['AddAntiforgery', 'AntiforgeryOptions'],
  },
  findSites(module) {
    if (!/AddAntiforgery|AntiforgeryOptions/.test(module.text)) return [];
    return builderSites(module, {
      ruleId: this.meta.id,
      defaults: this.meta.defaults,
      adders: ['AddAntiforgery'],
      optionsType: 'AntiforgeryOptions',
      receiverFits: isServiceCollection,
      // ASP.NET leaves this cookie's Secure off so that forms keep working on sites reached over plain HTTP too:
      // following the request keeps them working there and makes the token cookie Secure over HTTPS.
      securePolicy: 'SameAsRequest',
    });
  },
};
