// Where HTTPS is optional, an ASP.NET Core cookie's Secure follows the request the rule names beside the
// response (`Request.IsHttps`, `context.Request.IsHttps`), and a cookie builder's policy becomes
// `SameAsRequest`; where the request cannot be named plainly (`HttpContext?.Response`), a person decides.
import { describe, expect, it } from 'vitest';
import { emptyEvidenceData, makeEvidence } from '../../src/evidence/query.js';
import { applyEdits } from '../../src/fix/insert.js';
import { planFixes, type SiteWithRule } from '../../src/fix/plan.js';
import { parseCSharp } from '../../src/languages/csharp/parse.js';
import { CSHARP_RULES } from '../../src/rules/index.js';

function fix(text: string) {
  const module = parseCSharp('Shop.cs', text);
  const sites: SiteWithRule[] = CSHARP_RULES.flatMap((rule) =>
    rule.findSites(module).map((site) => ({ site, meta: rule.meta })),
  );
  module.tree.delete();
  const planned = planFixes({
    sites,
    texts: new Map([['Shop.cs', text]]),
    policy: { flags: ['httpOnly', 'secure'], sameSite: 'lax', fixTests: false },
    isTestFile: () => false,
    evidence: makeEvidence({
      ...emptyEvidenceData(),
      optionalTls: [
        { file: 'Program.cs', line: 4, fact: 'HTTPS only when a certificate is configured', kind: 'setting' },
      ],
    }),
  });
  const edits = [
    ...new Map(
      planned.flatMap((entry) => entry.edits).map((edit) => [`${edit.start}:${edit.text}`, edit]),
    ).values(),
  ];
  return {
    after: applyEdits(text, edits),
    reasons: planned.flatMap((entry) => entry.finding.notChangedReasons),
    beforeMerging: planned.flatMap((entry) => entry.finding.beforeMerging),
  };
}

describe('ASP.NET Core Secure where HTTPS is optional', () => {
  it('follows the request of the response that writes the cookie', () => {
    const text = `using Microsoft.AspNetCore.Mvc;
class HomeController : Controller
{
    void A(string v) { Response.Cookies.Append("session", v, new CookieOptions { HttpOnly = true }); }
    void B(HttpContext context, string v) { context.Response.Cookies.Append("session", v, new CookieOptions { HttpOnly = true, Secure = false }); }
    void C(string v) { HttpContext?.Response.Cookies.Append("session", v, new CookieOptions { HttpOnly = true }); }
}
`;
    const result = fix(text);
    expect(result.after).toBe(
      text
        .replace(
          'new CookieOptions { HttpOnly = true }); }\n    void B',
          'new CookieOptions { HttpOnly = true, Secure = Request.IsHttps }); }\n    void B',
        )
        .replace('Secure = false', 'Secure = context.Request.IsHttps'),
    );
    expect(result.reasons).toEqual([
      "HTTPS is optional in this project (HTTPS only when a certificate is configured (Program.cs:4)), so a hard-coded Secure would lose the cookie on plain-HTTP installs, and Secure cannot follow the request here; make it follow the request's scheme, or a setting each install turns on with HTTPS",
    ]);
    expect(new Set(result.beforeMerging).size).toBe(1);
  });

  it('makes a session cookie follow the request', () => {
    const text = 'builder.Services.AddSession(o => o.Cookie.SecurePolicy = CookieSecurePolicy.None);\n';
    expect(fix(text).after).toBe(
      'builder.Services.AddSession(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);\n',
    );
  });
});
