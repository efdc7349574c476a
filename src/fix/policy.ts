// What to do about each flag at a site: the product's judgement in one place (DESIGN §3).
// session/auth cookies get HttpOnly and Secure, explicit `false` flipped; CSRF cookies get Secure only;
// other cookies get Secure, and a missing HttpOnly is reported at low severity without a change.
import { abbreviate } from '../languages/text.js';
import type {
  Attribute,
  CookieKind,
  CookieSite,
  Flag,
  FlagValue,
  ProblemKind,
  SameSiteValue,
  Severity,
} from '../model.js';
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
): FlagDecision[] {
  const decisions: FlagDecision[] = [];
  const literalTrue = site.file.endsWith('.py') ? 'True' : 'true';
  for (const flag of options.flags) {
    let decision: FlagDecision;
    if (flag === 'sameSite') {
      if (!sameSite) continue;
      decision = { ...decideSameSite(sameSite, kind), key: sameSite.key };
    } else {
      const key = site.keys[flag];
      if (key === null) continue; // the API cannot carry this flag (client-side HttpOnly)
      decision = { ...decideFlag(flag, site.flags[flag], meta, kind), key, value: literalTrue };
    }
    if (decision.problem === null) continue;
    if (isTestFile) {
      decision.severity = 'low';
      if (decision.action !== null && !options.fixTests) {
        decision.action = null;
        decision.reason = 'test code is reported but not changed (turn on `fix-tests` to change it)';
      }
    }
    decisions.push(decision);
  }
  return decisions;
}

function decideFlag(flag: Flag, value: FlagValue, meta: RuleMeta, kind: CookieKind): FlagDecision {
  const none: FlagDecision = { flag, problem: null, action: null, severity: 'low', reason: '' };
  const label = flag === 'httpOnly' ? 'HttpOnly' : 'Secure';
  const unimportant = flag === 'httpOnly' && kind === 'csrf'; // script must read CSRF tokens
  switch (value.kind) {
    case 'true':
      return none;
    case 'absent': {
      if (flag === 'secure' && meta.defaults.secure === 'auto' && meta.reportAutomaticSecure) {
        return {
          flag,
          problem: 'missing',
          action: null,
          severity: 'low',
          reason:
            "Secure is set only on requests the app sees as HTTPS: behind a TLS-terminating proxy, trust the proxy (`app.set('trust proxy', 1)`) or it stays off; writing `secure: true` instead throws on plain-HTTP requests",
        };
      }
      if (meta.defaults[flag] !== 'off' || unimportant) return none;
      if (flag === 'httpOnly' && kind === 'other') {
        return {
          flag,
          problem: 'missing',
          action: null,
          severity: 'low',
          reason: 'front-end code may read this cookie; add HttpOnly by hand if no script needs it',
        };
      }
      if (flag === 'secure' && meta.neverAddSecure) {
        return {
          flag,
          problem: 'missing',
          action: null,
          severity: 'medium',
          reason:
            'writing `secure: true` here throws on requests the server sees as plain HTTP; set it together with the proxy setting',
        };
      }
      return {
        flag,
        problem: 'missing',
        action: 'insert',
        // A preference cookie set from browser code is not worth failing a build over; a session one is.
        severity: kind === 'session' ? 'high' : meta.clientSide ? 'low' : 'medium',
        reason: '',
      };
    }
    case 'false': {
      if (unimportant) return none;
      if (flag === 'secure' && meta.neverAddSecure) {
        return {
          flag,
          problem: 'false',
          action: null,
          severity: kind === 'session' ? 'high' : 'medium',
          reason:
            'writing `secure: true` here throws on requests the app sees as plain HTTP; remove `secure: false` to get the automatic Secure, and trust the TLS-terminating proxy (`app.proxy = true`)',
        };
      }
      if (value.via) {
        return {
          flag,
          problem: 'false',
          action: null,
          severity: kind === 'session' ? 'high' : 'medium',
          reason: `\`${abbreviate(value.via, 70)}\` is a constant false, so ${label} is always off; set it to true (it may be used elsewhere, so it is left to you)`,
        };
      }
      if (kind === 'session') return { flag, problem: 'false', action: 'flip', severity: 'high', reason: '' };
      return {
        flag,
        problem: 'false',
        action: null,
        severity: flag === 'httpOnly' ? 'low' : 'medium',
        reason: `${label} was turned off on purpose for a cookie that does not look like a session; check why before changing it`,
      };
    }
    case 'conditional': {
      if (unimportant) return none;
      if (value.devOnly) {
        return {
          flag,
          problem: 'false',
          action: null,
          severity: kind === 'session' ? 'high' : 'medium',
          reason: `\`${abbreviate(value.text, 70)}\` is true only in development, so production never gets ${label}; replace it with a literal true or a production check`,
        };
      }
      return {
        flag,
        problem: 'conditional',
        action: null,
        severity: 'low',
        reason: `\`${abbreviate(value.text, 70)}\` decides ${label} at run time; make sure it is true in production`,
      };
    }
    case 'unknown':
      if (unimportant) return none;
      return {
        flag,
        problem: 'unknown',
        action: null,
        severity: 'low',
        reason: `${label} cannot be read statically: ${value.reason}`,
      };
  }
}

/** SameSite, when enforced: a missing value is added (Lax is harmless for every kind of cookie); `None` or
 * `false` written on purpose is reported and left for a person, but for a session cookie's `false`. */
function decideSameSite(view: SameSiteView, kind: CookieKind): FlagDecision {
  const none: FlagDecision = { flag: 'sameSite', problem: null, action: null, severity: 'low', reason: '' };
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
