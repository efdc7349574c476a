// Pyramid's cookie factories: constructors imported from pyramid whose keyword arguments (or positional ones,
// at each constructor's own index) set the cookie's flags. Each rule lists the constructors it owns.
import {
  argumentsOf,
  callParts,
  callsOf,
  dottedName,
  evaluatePyFlag,
  stringLiteral,
} from '../languages/python.js';
import type { PyModule } from '../languages/python.js';
import type { CookieSite, Flag } from '../model.js';
import { behindStarArguments, importedFrom, keywordCallSite } from './py-call-site-common.js';
import type { PyRuleContext } from './rule.js';

export interface FactorySignature {
  /** 0-based positional index of each flag and of the cookie's name. */
  positions: Record<Flag | 'cookieName', number>;
  /** The cookie's name when the call does not give one (none where the name is required). */
  defaultName?: string;
  /** Not signed: nothing says only the server reads it (scripts may), so it is not taken for a session. */
  unsigned?: boolean;
}

export interface FactorySpec {
  ruleId: string;
  keys: Record<Flag, string>;
  constructors: Readonly<Record<string, FactorySignature>>;
  /** The packages the constructors are imported from (default: pyramid). */
  packages?: readonly string[];
}

export function findFactorySites(module: PyModule, context: PyRuleContext, spec: FactorySpec): CookieSite[] {
  const packages = spec.packages ?? ['pyramid'];
  if (!packages.some((name) => module.text.includes(name))) return [];
  const sites: CookieSite[] = [];
  for (const call of callsOf(module)) {
    const parts = callParts(call);
    const callee = parts ? dottedName(module, parts.callee) : null;
    const name = callee?.at(-1);
    // An own property only: `toString` or `constructor` is no factory.
    const signature = name && Object.hasOwn(spec.constructors, name) ? spec.constructors[name] : undefined;
    // `SignedCookieSessionFactory` imported from pyramid.session, or `session.SignedCookieSessionFactory`.
    if (!parts || !callee || !signature || !importedFrom(module, callee[0]!, packages)) continue;
    const args = argumentsOf(module, parts.argList);
    const positional = args.filter((argument) => argument.kind === 'positional');
    const nameNode =
      args.find((argument) => argument.kind === 'keyword' && argument.name === 'cookie_name')?.value ??
      positional[signature.positions.cookieName]?.value;
    const cookieName = nameNode ? stringLiteral(module, nameNode) : (signature.defaultName ?? null);
    const site = keywordCallSite(module, call, parts.argList, context, {
      ruleId: spec.ruleId,
      keys: spec.keys,
      kind: signature.unsigned ? undefined : 'session',
      cookieNames: cookieName === null ? [] : [cookieName],
    });
    for (const flag of ['httpOnly', 'secure'] as const) {
      const node = positional[signature.positions[flag]]?.value;
      if (node) site.flags[flag] = evaluatePyFlag(module, node);
    }
    const star = args.find((argument) => argument.kind === 'star');
    if (star) behindStarArguments(site, module, star.value);
    sites.push(site);
  }
  return sites;
}
