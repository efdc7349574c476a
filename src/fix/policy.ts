// What to do about each flag at a site: the product's judgement in one place (DESIGN §3). Every change to a
// value someone wrote rests on evidence from the project, never on a name alone:
// - HttpOnly is never added to, or turned back on for, a cookie that browser code in the project reads; an
//   explicit `false` is flipped only for a cookie shown to be a server-side session (its middleware's own, or
//   a value from a signer); a missing HttpOnly is added to session-looking cookies (a name hints, no more).
// - Secure is about transport, so it is added or flipped for every kind of cookie unless the project shows it
//   serves plain HTTP there; where the project has its own switch the fix uses it, where HTTPS is optional
//   the fix makes Secure follow the request; a `__Secure-` / `__Host-` name always gets it.
// - Nothing is changed for a framework the project demonstrably does not use.
import { abbreviate } from '../languages/text.js';
import { followsRequestScheme } from '../evidence/request-scheme.js';
import type {
  Attribute,
  CookieKind,
  CookieSite,
  Evidence,
  Flag,
  FlagValue,
  ProblemKind,
  SameSiteValue,
  Severity,
} from '../model.js';
import { noFacts, type SiteFacts } from './site-facts.js';
import type { SameSiteView } from './same-site.js';
import type { RuleMeta } from '../rules/rule.js';

export type FlagAction = 'insert' | 'flip' | null;

export interface FlagDecision {
  flag: Attribute;
  problem: ProblemKind | null;
  action: FlagAction;
  severity: Severity;
  /** Why a problem is left unchanged (empty when it is changed or there is none). */
  reason: string;
  /** The key as the API spells it, and the value to write for an insert or a flip (`true`, `'lax'`). */
  key?: string;
  value?: string;
  /** The project facts this decision rests on. */
  evidence: Evidence[];
  /** A sentence the finding's message adds about a change (why this value, what it needs). */
  note?: string;
  /** What must be done alongside the change for it to work (the PR body's first lines). */
  beforeMerging?: string;
}

export interface PolicyOptions {
  /** Attributes to enforce (from the config): HttpOnly and Secure by default, SameSite when asked. */
  flags: readonly Attribute[];
  /** The SameSite value to write. */
  sameSite: SameSiteValue;
  /** Findings in test files are reported but not changed unless the config says so. */
  fixTests: boolean;
}

export function decideFlags(
  site: CookieSite,
  meta: RuleMeta,
  kind: CookieKind,
  options: PolicyOptions,
  isTestFile: boolean,
  sameSite: SameSiteView | null = null,
  facts: SiteFacts = noFacts(),
): FlagDecision[] {
  const decisions: FlagDecision[] = [];
  const python = site.file.endsWith('.py');
  const literalTrue = site.trueLiteral ?? (python ? 'True' : 'true');
  for (const flag of options.flags) {
    let decision: FlagDecision;
    if (flag === 'sameSite') {
      if (!sameSite) continue;
      decision = { ...decideSameSite(sameSite, kind), evidence: [], key: sameSite.key };
    } else {
      const key = site.keys[flag];
      if (key === null) continue; // the API cannot carry this flag (client-side HttpOnly)
      // The application's cookie policy raises it on every cookie the framework writes.
      if (facts.cookiePolicy[flag]) continue;
      const judge = flag === 'httpOnly' ? decideHttpOnly : decideSecure;
      const value = site.flagLiterals?.[flag] ?? literalTrue;
      decision = { value, ...judge(site.flags[flag], meta, kind, facts), key };
    }
    if (decision.problem === null) continue;
    if (decision.action !== null && facts.frameworkAbsent !== null) {
      decision.action = null;
      decision.severity = 'low';
      decision.reason = `the project does not use ${facts.frameworkAbsent} (not in its dependencies or imports), so nothing reads this setting; it is left alone`;
      decision.note = undefined;
      decision.beforeMerging = undefined;
    }
    if (isTestFile || facts.devOnly) {
      decision.severity = 'low';
      if (decision.action !== null && !options.fixTests) {
        decision.action = null;
        decision.reason = isTestFile
          ? 'test code is reported but not changed (turn on `fix-tests` to change it)'
          : `development code is reported but not changed (turn on \`fix-tests\` to change it): ${cite([facts.devOnly!])}`;
        if (!isTestFile) decision.evidence = [facts.devOnly!];
        decision.note = undefined;
        decision.beforeMerging = undefined;
      }
    }
    decisions.push(decision);
  }
  return decisions;
}

type Judgement = Omit<FlagDecision, 'key'>;

function none(flag: Flag): Judgement {
  return { flag, problem: null, action: null, severity: 'low', reason: '', evidence: [] };
}

/** `fact (file:line)`, for reasons that cite the project. */
export function cite(evidence: readonly Evidence[], max = 2): string {
  const shown = evidence.slice(0, max).map((item) => `${item.fact} (${item.file}:${item.line})`);
  const left = evidence.length - shown.length;
  return left > 0 ? `${shown.join('; ')}; and ${left} more` : shown.join('; ');
}

/** Shared by both flags: values nobody can rewrite (run-time expressions, constants, hidden spreads). */
function undecidable(flag: Flag, value: FlagValue, kind: CookieKind): Judgement | null {
  const label = flag === 'httpOnly' ? 'HttpOnly' : 'Secure';
  switch (value.kind) {
    case 'conditional':
      if (value.devOnly) {
        return {
          flag,
          problem: 'false',
          action: null,
          severity: kind === 'session' ? 'high' : 'medium',
          reason: `\`${abbreviate(value.text, 70)}\` is true only in development, so production never gets ${label}; replace it with a literal true or a production check`,
          evidence: [],
        };
      }
      return {
        flag,
        problem: 'conditional',
        action: null,
        severity: 'low',
        reason:
          flag === 'secure' && followsRequestScheme(value.text)
            ? `\`${abbreviate(value.text, 70)}\` turns Secure on for requests the app sees as HTTPS; behind a proxy that terminates TLS it stays off unless the app trusts the forwarded scheme`
            : `\`${abbreviate(value.text, 70)}\` decides ${label} at run time; make sure it is true in production`,
        evidence: [],
      };
    case 'unknown':
      return {
        flag,
        problem: 'unknown',
        action: null,
        severity: 'low',
        reason: `${label} cannot be read statically: ${value.reason}`,
        evidence: [],
      };
    case 'false':
      if (!value.via) return null;
      return {
        flag,
        problem: 'false',
        action: null,
        severity: kind === 'session' ? 'high' : 'medium',
        reason: `\`${abbreviate(value.via, 70)}\` is a constant false, so ${label} is always off; set it to true (it may be used elsewhere, so it is left to you)`,
        evidence: [],
      };
    default:
      return null;
  }
}

function decideHttpOnly(value: FlagValue, meta: RuleMeta, kind: CookieKind, facts: SiteFacts): Judgement {
  const flag = 'httpOnly';
  // Script must read CSRF tokens: HttpOnly is never asked of them.
  if (kind === 'csrf' || value.kind === 'true') return none(flag);
  if (value.kind === 'absent' && meta.defaults.httpOnly !== 'off') return none(flag);
  const fixed = undecidable(flag, value, kind);
  if (fixed) return fixed;
  const problem = value.kind === 'false' ? 'false' : 'missing';
  if (facts.readers.length > 0) {
    return {
      flag,
      problem,
      action: null,
      severity: 'low',
      reason: `browser code in this project uses the cookie, and HttpOnly would hide it from that code: ${cite(facts.readers)}`,
      evidence: facts.readers,
    };
  }
  if (problem === 'missing') {
    if (kind === 'other') {
      return {
        flag,
        problem,
        action: null,
        severity: 'low',
        reason: 'front-end code may read this cookie; add HttpOnly by hand if no script needs it',
        evidence: [],
      };
    }
    return {
      flag,
      problem,
      action: 'insert',
      severity: 'high',
      reason: '',
      evidence: facts.serverSession ? [facts.serverSession] : [],
    };
  }
  // An explicit false was written on purpose: only proof that the cookie is the server's own session overturns it.
  if (facts.serverSession) {
    return {
      flag,
      problem,
      action: 'flip',
      severity: 'high',
      reason: '',
      evidence: [facts.serverSession],
    };
  }
  return {
    flag,
    problem,
    action: null,
    severity: kind === 'session' ? 'medium' : 'low',
    reason:
      kind === 'session'
        ? "HttpOnly was turned off on purpose, and nothing shows this is a server-side session cookie (a session middleware's own cookie or a signed token); the name alone is not enough to change it"
        : 'HttpOnly was turned off on purpose for a cookie that does not look like a session; check why before changing it',
    evidence: [],
  };
}

function decideSecure(value: FlagValue, meta: RuleMeta, kind: CookieKind, facts: SiteFacts): Judgement {
  const flag = 'secure';
  // The framework marks every cookie of the app Secure whatever the site says (Rails' `force_ssl`).
  if (value.kind === 'true' || facts.forcedSecure.length > 0) return none(flag);
  if (value.kind === 'absent') {
    if (meta.defaults.secure === 'auto' && meta.reportAutomaticSecure) {
      return {
        flag,
        problem: 'missing',
        action: null,
        severity: 'low',
        reason:
          "Secure is set only on requests the app sees as HTTPS: behind a TLS-terminating proxy, trust the proxy (`app.set('trust proxy', 1)`) or it stays off; writing `secure: true` instead throws on plain-HTTP requests",
        evidence: [],
      };
    }
    if (meta.defaults.secure !== 'off') return none(flag);
  }
  const fixed = undecidable(flag, value, kind);
  if (fixed) return fixed;
  const problem = value.kind === 'false' ? 'false' : 'missing';
  const action = problem === 'false' ? 'flip' : 'insert';
  const severity: Severity =
    kind === 'session' ? 'high' : meta.clientSide && problem === 'missing' ? 'low' : 'medium';
  const leave = (reason: string, evidence: Evidence[] = [], level: Severity = severity): Judgement => ({
    flag,
    problem,
    action: null,
    severity: level,
    reason,
    evidence,
  });
  // The fix goes ahead: `value` when it is not a literal true, `note` saying why it takes that form.
  const change = (extra: Pick<Judgement, 'evidence'> & Partial<Judgement>): Judgement => ({
    flag,
    problem,
    action,
    severity,
    reason: '',
    ...extra,
  });

  if (meta.neverAddSecure) {
    return leave(
      problem === 'missing'
        ? 'writing `secure: true` here throws on requests the server sees as plain HTTP; set it together with the proxy setting'
        : `writing \`secure: true\` here throws on requests the app sees as plain HTTP; remove \`secure: false\` to get the automatic Secure, and ${meta.secureWithoutThrow ?? 'trust the TLS-terminating proxy (`app.proxy = true`)'}`,
      [],
      problem === 'missing' ? 'medium' : severity,
    );
  }
  if (meta.secureFollowingRequest) {
    return change({
      value: meta.secureFollowingRequest,
      evidence: [],
      note: `\`${meta.secureFollowingRequest}\` makes ${meta.api} mark the cookie Secure on every request it sees as HTTPS and leaves plain-HTTP requests working, so it is written instead of true.`,
    });
  }
  if (facts.securePrefix) {
    return change({
      evidence: [],
      note: `Browsers already refuse a \`${facts.securePrefix}\` cookie without Secure, so adding it cannot break anything that works today.`,
    });
  }
  if (facts.plainHttp.length > 0) {
    const untrusted = facts.plainHttpProxy ? null : (facts.missingProxyTrust ?? facts.untrustedProxy);
    const proxy = untrusted
      ? ` If Secure broke sessions behind a proxy, the usual cause is the missing proxy setting: add \`${untrusted.line}\`, then turn Secure on.`
      : '';
    return leave(
      `the project shows it serves this cookie over plain HTTP, where Secure would make browsers drop it: ${cite(facts.plainHttp, 3)}.${proxy} Turn Secure on once HTTPS is in place`,
      facts.plainHttp,
    );
  }
  // A switch that cannot be named here and whose production value is unknown says nothing this cookie can
  // follow: it is set aside, so optional HTTPS (below) still decides.
  const toggle =
    facts.transportSwitch &&
    (facts.transportSwitch.expression !== null ||
      facts.transportSwitch.offByDefault ||
      facts.transportSwitch.onInProduction)
      ? facts.transportSwitch
      : null;
  if (toggle && !meta.clientSide) {
    if (toggle.offByDefault) {
      return leave(
        `the project decides Secure with its own switch \`${toggle.name}\`, which is off unless configured, and nothing turns it on in production: ${cite(toggle.evidence, 3)}. Use the same switch here and turn it on wherever HTTPS is served`,
        toggle.evidence,
      );
    }
    if (toggle.expression === null) {
      // On in production but out of reach here: a literal true gives this cookie what the switch gives the others.
      return change({
        evidence: toggle.evidence,
        note: `The project's other cookies take Secure from \`${toggle.name}\`, which cannot be named in this file, so Secure is set to true here; use the switch instead if this cookie must also work over plain HTTP.`,
      });
    }
    return change({
      value: toggle.expression,
      evidence: toggle.evidence,
      note: `Secure follows the project's own switch \`${toggle.expression}\`, as its other cookies do.`,
    });
  }
  if (toggle && meta.clientSide && toggle.offByDefault) {
    return leave(
      `the server's own cookies take Secure from \`${toggle.name}\`, which is off unless configured, so the app may be served over plain HTTP, where a Secure cookie is refused: ${cite(toggle.evidence, 2)}`,
      toggle.evidence,
    );
  }
  if (facts.schemeFollowing.length > 0 && facts.optionalTls.length === 0) {
    const request = facts.requestSecure;
    if (!request) {
      const where = meta.clientSide
        ? 'browser code cannot see the request; set Secure from the page\'s scheme (`location.protocol === "https:"`)'
        : 'this cookie cannot name the request here; make it follow the request as they do';
      return leave(
        `the project's other cookies take Secure from the request's scheme (${cite(facts.schemeFollowing, 2)}), so the project expects to be reached over plain HTTP somewhere, where a Secure cookie is dropped; ${where}`,
        facts.schemeFollowing,
      );
    }
    return change({
      value: request.value,
      evidence: facts.schemeFollowing,
      note: `Secure follows the request (\`${request.value}\`), as the project's other cookies do.${request.caution ? ` Note: ${request.caution}.` : ''}`,
      beforeMerging: request.caution,
    });
  }
  if (facts.optionalTls.length > 0) {
    const request = facts.requestSecure;
    if (!request) {
      return leave(
        `HTTPS is optional in this project (${cite(facts.optionalTls, 2)}), so a hard-coded Secure would lose the cookie on plain-HTTP installs, and Secure cannot follow the request here; make it follow the request's scheme, or a setting each install turns on with HTTPS`,
        facts.optionalTls,
      );
    }
    return change({
      value: request.value,
      evidence: facts.optionalTls,
      note: `HTTPS is optional in this project, so Secure follows the request (\`${request.value}\`) instead of being hard-coded.${request.caution ? ` Note: ${request.caution}.` : ''}`,
      beforeMerging: request.caution,
    });
  }
  if (facts.tlsAtTrustedProxy.length > 0) {
    // Browser code cannot see the request, and the same install may be reached over plain HTTP, where a
    // Secure cookie written by script is refused.
    if (meta.clientSide) {
      return leave(
        `the app sets up no TLS itself and leaves HTTPS to a proxy (${cite(facts.tlsAtTrustedProxy, 1)}), so pages may also be served over plain HTTP, where browsers refuse a Secure cookie written by script; set Secure from the page's scheme, or only where the site is always HTTPS`,
        facts.tlsAtTrustedProxy,
      );
    }
    if (facts.requestSecure) {
      return change({
        value: facts.requestSecure.value,
        evidence: facts.tlsAtTrustedProxy,
        note: `TLS ends at a proxy the app trusts, so \`${facts.requestSecure.value}\` is true exactly on HTTPS requests: Secure follows the request, and an install reached over plain HTTP keeps its cookie.`,
      });
    }
  }
  const proxy = facts.missingProxyTrust;
  // express-session refuses to send a Secure cookie on a request it sees as plain HTTP: with no proxy trust,
  // a literal true would stop the session cookie behind a TLS proxy and on plain HTTP alike.
  const follow = facts.untrustedProxy ? facts.requestSecure : null;
  return change({
    ...(follow && {
      value: follow.value,
      note: `The app does not trust a proxy (it has no \`${facts.untrustedProxy!.line}\`), and with a literal true ${meta.api} would stop setting the cookie on every request it sees as plain HTTP, so Secure follows the request (\`${follow.value}\`).`,
    }),
    evidence: proxy ? proxy.hints : [],
    beforeMerging: proxy
      ? `The app looks like it runs behind a proxy (${cite(proxy.hints, 1)}) but does not trust it: add \`${proxy.line}\` (${proxy.setting}) so the framework sees HTTPS requests as secure.`
      : undefined,
  });
}

/** SameSite, when enforced: a missing value is added (Lax is harmless for every kind of cookie); `None` or
 * `false` written on purpose is reported and left for a person, but for a session cookie's `false`. */
function decideSameSite(view: SameSiteView, kind: CookieKind): Omit<FlagDecision, 'evidence'> {
  const none: Omit<FlagDecision, 'evidence'> = {
    flag: 'sameSite',
    problem: null,
    action: null,
    severity: 'low',
    reason: '',
  };
  const value = view.value;
  switch (value.kind) {
    case 'true':
      return none;
    case 'absent':
      if (view.defaultOn) return none;
      return {
        flag: 'sameSite',
        problem: 'missing',
        action: 'insert',
        severity: kind === 'session' ? 'medium' : 'low',
        reason: '',
      };
    case 'false':
      if (kind === 'session')
        return { flag: 'sameSite', problem: 'false', action: 'flip', severity: 'medium', reason: '' };
      return {
        flag: 'sameSite',
        problem: 'false',
        action: null,
        severity: 'low',
        reason: 'SameSite was turned off on purpose for a cookie that does not look like a session',
      };
    case 'conditional':
      if (value.devOnly) {
        return {
          flag: 'sameSite',
          problem: 'false',
          action: null,
          severity: kind === 'session' ? 'medium' : 'low',
          reason: `\`${abbreviate(value.text, 70)}\` sends the cookie on cross-site requests too; keep it only if the cookie must work inside other sites (it then also needs Secure)`,
        };
      }
      return {
        flag: 'sameSite',
        problem: 'conditional',
        action: null,
        severity: 'low',
        reason: `\`${abbreviate(value.text, 70)}\` decides SameSite at run time`,
      };
    case 'unknown':
      return {
        flag: 'sameSite',
        problem: 'unknown',
        action: null,
        severity: 'low',
        reason: `SameSite cannot be read statically: ${value.reason}`,
      };
  }
}
