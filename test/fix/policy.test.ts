// The policy's decisions, one fact at a time: each case hands decideFlags exactly the project facts it needs.
import { describe, expect, it } from 'vitest';
import { decideFlags, type FlagDecision, type PolicyOptions } from '../../src/fix/policy.js';
import { noFacts, type SiteFacts } from '../../src/fix/site-facts.js';
import type { CookieKind, CookieSite, Evidence, FlagValue } from '../../src/model.js';
import { djangoCsrfSettings } from '../../src/rules/django-csrf-settings.js';
import { documentCookie } from '../../src/rules/document-cookie.js';
import { expressResCookie } from '../../src/rules/express-res-cookie.js';
import { koaCookiesSet } from '../../src/rules/koa-cookies-set.js';
import type { RuleMeta } from '../../src/rules/rule.js';

const OPTIONS: PolicyOptions = { flags: ['httpOnly', 'secure'], sameSite: 'lax', fixTests: false };
const SPAN = { start: 10, end: 15 };
const FALSE: FlagValue = { kind: 'false', span: SPAN, file: 'app.js' };
const ABSENT: FlagValue = { kind: 'absent' };

function site(httpOnly: FlagValue, secure: FlagValue, extra: Partial<CookieSite> = {}): CookieSite {
  return {
    ruleId: 'express-res-cookie',
    file: 'app.js',
    offset: 0,
    cookieNames: ['sessions'],
    flags: { httpOnly, secure },
    keys: { httpOnly: 'httpOnly', secure: 'secure' },
    insertion: null,
    usedAt: [],
    notes: [],
    ...extra,
  };
}

function facts(extra: Partial<SiteFacts>): SiteFacts {
  return { ...noFacts(), ...extra };
}

/** The decision per flag, reduced to what the outcome rests on. */
function decide(
  cookie: CookieSite,
  kind: CookieKind,
  given: SiteFacts,
  meta: RuleMeta = expressResCookie.meta,
  isTest = false,
): Array<Pick<FlagDecision, 'flag' | 'problem' | 'action' | 'value' | 'reason'> & { evidence: Evidence[] }> {
  return decideFlags(cookie, meta, kind, OPTIONS, isTest, null, given).map((decision) => ({
    flag: decision.flag,
    problem: decision.problem,
    action: decision.action,
    value: decision.value,
    reason: decision.reason,
    evidence: decision.evidence,
  }));
}

const reader: Evidence = {
  file: 'web/src/store.js',
  line: 12,
  fact: "`getCookie('sessions')` reads this cookie in browser code",
};
const session: Evidence = { file: 'app.js', line: 3, fact: "session() sets the server's own session cookie" };
const comment: Evidence = {
  file: 'config/production.py',
  line: 4,
  fact: 'a comment says HTTPS is not set up yet: `# TODO: until SSL is added`',
};

describe('HttpOnly', () => {
  it('keeps httpOnly: false on a cookie browser code reads, citing the reader', () => {
    expect(
      decide(site(FALSE, { kind: 'true', span: SPAN }), 'session', facts({ readers: [reader] })),
    ).toEqual([
      {
        flag: 'httpOnly',
        problem: 'false',
        action: null,
        value: 'true',
        reason:
          "browser code in this project uses the cookie, and HttpOnly would hide it from that code: `getCookie('sessions')` reads this cookie in browser code (web/src/store.js:12)",
        evidence: [reader],
      },
    ]);
  });

  it('never adds a missing HttpOnly to a session-named cookie that browser code reads', () => {
    const [decision] = decide(
      site(ABSENT, { kind: 'true', span: SPAN }),
      'session',
      facts({ readers: [reader] }),
    );
    expect([decision?.problem, decision?.action]).toEqual(['missing', null]);
  });

  it('flips httpOnly: false only with proof of a server-side session and no reader', () => {
    const value = site(FALSE, { kind: 'true', span: SPAN });
    expect(decide(value, 'session', facts({ serverSession: session }))).toEqual([
      { flag: 'httpOnly', problem: 'false', action: 'flip', value: 'true', reason: '', evidence: [session] },
    ]);
    expect(decide(value, 'session', facts({ serverSession: session, readers: [reader] }))[0]?.action).toBe(
      null,
    );
  });

  it('leaves httpOnly: false on a cookie whose only claim to be a session is its name', () => {
    expect(decide(site(FALSE, { kind: 'true', span: SPAN }), 'session', noFacts())).toEqual([
      {
        flag: 'httpOnly',
        problem: 'false',
        action: null,
        value: 'true',
        reason:
          "HttpOnly was turned off on purpose, and nothing shows this is a server-side session cookie (a session middleware's own cookie or a signed token); the name alone is not enough to change it",
        evidence: [],
      },
    ]);
  });

  it('adds a missing HttpOnly to a session-looking cookie nobody reads', () => {
    expect(decide(site(ABSENT, { kind: 'true', span: SPAN }), 'session', noFacts())).toEqual([
      { flag: 'httpOnly', problem: 'missing', action: 'insert', value: 'true', reason: '', evidence: [] },
    ]);
  });
});

describe('Secure', () => {
  const csrf = site({ kind: 'true', span: SPAN }, FALSE, { cookieNames: ['XSRF-TOKEN'] });

  it('flips secure: false on a CSRF or preference cookie with no plain-HTTP evidence', () => {
    expect(decide(csrf, 'csrf', noFacts())).toEqual([
      { flag: 'secure', problem: 'false', action: 'flip', value: 'true', reason: '', evidence: [] },
    ]);
    expect(decide(site({ kind: 'true', span: SPAN }, FALSE), 'other', noFacts())[0]?.action).toBe('flip');
  });

  it('leaves Secure to a person where the project shows it serves plain HTTP, spelling out the evidence', () => {
    expect(decide(csrf, 'csrf', facts({ plainHttp: [comment] }))).toEqual([
      {
        flag: 'secure',
        problem: 'false',
        action: null,
        value: 'true',
        reason:
          'the project shows it serves this cookie over plain HTTP, where Secure would make browsers drop it: a comment says HTTPS is not set up yet: `# TODO: until SSL is added` (config/production.py:4). Turn Secure on once HTTPS is in place',
        evidence: [comment],
      },
    ]);
  });

  it('names the missing proxy setting when a plain-HTTP comment may be its symptom', () => {
    const [decision] = decide(
      site({ kind: 'true', span: SPAN }, FALSE),
      'session',
      facts({
        plainHttp: [comment],
        missingProxyTrust: { setting: 'trust proxy', line: "app.set('trust proxy', 1)", hints: [] },
      }),
    );
    expect(decision?.reason).toContain("add `app.set('trust proxy', 1)`, then turn Secure on");
  });

  it("follows the project's own switch when it is on, and leaves Secure to a person when it defaults off", () => {
    const definition: Evidence = { file: 'config.py', line: 2, fact: '`COOKIES_SECURE` defaults to False' };
    const on = facts({
      transportSwitch: {
        name: 'COOKIES_SECURE',
        expression: 'settings.COOKIES_SECURE',
        offByDefault: false,
        onInProduction: false,
        evidence: [definition],
      },
    });
    expect(decide(site({ kind: 'true', span: SPAN }, ABSENT), 'other', on)).toEqual([
      {
        flag: 'secure',
        problem: 'missing',
        action: 'insert',
        value: 'settings.COOKIES_SECURE',
        reason: '',
        evidence: [definition],
      },
    ]);
    const off = facts({ transportSwitch: { ...on.transportSwitch!, offByDefault: true } });
    expect(decide(site({ kind: 'true', span: SPAN }, ABSENT), 'other', off)).toEqual([
      {
        flag: 'secure',
        problem: 'missing',
        action: null,
        value: 'true',
        reason:
          'the project decides Secure with its own switch `COOKIES_SECURE`, which is off unless configured, and nothing turns it on in production: `COOKIES_SECURE` defaults to False (config.py:2). Use the same switch here and turn it on wherever HTTPS is served',
        evidence: [definition],
      },
    ]);
  });

  it('sets aside a switch that cannot be named here and whose production value is unknown', () => {
    const use: Evidence = {
      file: 'app/views.py',
      line: 7,
      fact: '`secure=secure` sets Secure from `secure`',
    };
    const unknown = {
      name: 'secure',
      expression: null,
      offByDefault: false,
      onInProduction: false,
      evidence: [use],
    };
    const plain = decide(
      site({ kind: 'true', span: SPAN }, ABSENT),
      'other',
      facts({ transportSwitch: unknown }),
    );
    expect(plain[0]).toMatchObject({ action: 'insert', value: 'true' });
    expect(plain[0]?.evidence).toEqual([]);
    // Optional HTTPS still decides: a settings module cannot follow the request, so it is left to a person.
    const tls: Evidence = { file: 'cli.py', line: 45, fact: '`self.certfilepath = None`' };
    const optional = facts({ transportSwitch: unknown, optionalTls: [tls] });
    expect(decide(site({ kind: 'true', span: SPAN }, ABSENT), 'other', optional)[0]).toMatchObject({
      action: null,
      evidence: [tls],
    });
    const forced = facts({ transportSwitch: { ...unknown, onInProduction: true } });
    expect(decide(site({ kind: 'true', span: SPAN }, ABSENT), 'other', forced)[0]).toMatchObject({
      action: 'insert',
      value: 'true',
      evidence: [use],
    });
  });

  it('makes Secure follow the request where HTTPS is optional, or leaves it when the request cannot be named', () => {
    const tls: Evidence = { file: 'server.py', line: 9, fact: '`certfile` is optional' };
    const following = facts({ optionalTls: [tls], requestSecure: { value: 'req.secure' } });
    expect(decide(site({ kind: 'true', span: SPAN }, ABSENT), 'other', following)[0]).toMatchObject({
      action: 'insert',
      value: 'req.secure',
      evidence: [tls],
    });
    const [left] = decide(site({ kind: 'true', span: SPAN }, ABSENT), 'other', facts({ optionalTls: [tls] }));
    expect([left?.action, left?.reason]).toEqual([
      null,
      "HTTPS is optional in this project (`certfile` is optional (server.py:9)), so a hard-coded Secure would lose the cookie on plain-HTTP installs, and Secure cannot follow the request here; make it follow the request's scheme, or a setting each install turns on with HTTPS",
    ]);
  });

  it('always fixes a __Host- or __Secure- cookie, plain-HTTP evidence or not, and says why', () => {
    const prefixed = site({ kind: 'true', span: SPAN }, FALSE, { cookieNames: ['__Host-sid'] });
    const decisions = decideFlags(
      prefixed,
      expressResCookie.meta,
      'session',
      OPTIONS,
      false,
      null,
      facts({ securePrefix: '__Host-', plainHttp: [comment] }),
    );
    expect(decisions.map((d) => [d.flag, d.action, d.note])).toEqual([
      [
        'secure',
        'flip',
        'Browsers already refuse a `__Host-` cookie without Secure, so adding it cannot break anything that works today.',
      ],
    ]);
  });

  it('keeps Koa\'s "report, never force" for Secure', () => {
    const koa = site({ kind: 'true', span: SPAN }, FALSE, { cookieNames: ['XSRF-TOKEN'] });
    expect(decide(koa, 'csrf', noFacts(), koaCookiesSet.meta)[0]?.action).toBe(null);
  });

  it('leaves a browser-set cookie string alone where the project serves plain HTTP', () => {
    const browser = site(ABSENT, ABSENT, {
      ruleId: 'document-cookie',
      keys: { httpOnly: null, secure: 'secure' },
    });
    expect(decide(browser, 'other', noFacts(), documentCookie.meta)[0]?.action).toBe('insert');
    expect(decide(browser, 'other', facts({ plainHttp: [comment] }), documentCookie.meta)[0]?.action).toBe(
      null,
    );
    expect(decide(browser, 'other', facts({ optionalTls: [comment] }), documentCookie.meta)[0]?.action).toBe(
      null,
    );
  });
});

describe('frameworks and test code', () => {
  it('changes nothing for a framework the project does not use, and says nothing reads it', () => {
    const settings = site(ABSENT, FALSE, {
      ruleId: 'django-csrf-settings',
      file: 'settings.py',
      keys: { httpOnly: null, secure: 'CSRF_COOKIE_SECURE' },
    });
    expect(decide(settings, 'csrf', facts({ frameworkAbsent: 'django' }), djangoCsrfSettings.meta)).toEqual([
      {
        flag: 'secure',
        problem: 'false',
        action: null,
        value: 'True',
        reason:
          'the project does not use django (not in its dependencies or imports), so nothing reads this setting; it is left alone',
        evidence: [],
      },
    ]);
  });

  it('reports test code without changing it', () => {
    const [decision] = decide(
      site({ kind: 'true', span: SPAN }, FALSE),
      'csrf',
      noFacts(),
      expressResCookie.meta,
      true,
    );
    expect([decision?.action, decision?.reason]).toEqual([
      null,
      'test code is reported but not changed (turn on `fix-tests` to change it)',
    ]);
  });
});

describe('Secure decided at run time', () => {
  const conditional = (text: string): FlagValue => ({
    kind: 'conditional',
    span: SPAN,
    text,
    devOnly: false,
  });
  const TRUE: FlagValue = { kind: 'true', span: SPAN };

  it('says a value that follows the request scheme needs the proxy trusted, not that it must be true', () => {
    const reasons = ['r.TLS != nil', '$this->request->isHTTPS()', 'c.Protocol() == "https"'].map(
      (text) => decide(site(TRUE, conditional(text)), 'session', noFacts()).at(-1)?.reason,
    );
    expect(reasons).toEqual([
      '`r.TLS != nil` turns Secure on for requests the app sees as HTTPS; behind a proxy that terminates TLS it stays off unless the app trusts the forwarded scheme',
      '`$this->request->isHTTPS()` turns Secure on for requests the app sees as HTTPS; behind a proxy that terminates TLS it stays off unless the app trusts the forwarded scheme',
      '`c.Protocol() == "https"` turns Secure on for requests the app sees as HTTPS; behind a proxy that terminates TLS it stays off unless the app trusts the forwarded scheme',
    ]);
  });

  it('asks for a setting to be true in production otherwise', () => {
    expect(decide(site(TRUE, conditional('config.secureCookies')), 'session', noFacts()).at(-1)?.reason).toBe(
      '`config.secureCookies` decides Secure at run time; make sure it is true in production',
    );
  });
});
