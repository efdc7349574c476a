// A cookie site made of one call's keyword arguments (a middleware or storage constructor): flags read from
// the keywords (following visible `**dict` splats), new keywords added to the call itself or to the dict the
// call splats.
import type { SyntaxNode } from '@lezer/common';
import {
  dottedName,
  enclosingFunction,
  stringLiteral,
  textOf,
  type PyArgument,
  type PyModule,
} from '../languages/python.js';
import { readPyFlag, readPyOptions, type PyOptionsView } from '../languages/py-options.js';
import { abbreviate, lineColumn } from '../languages/text.js';
import { kindOfName } from '../cookie-kind.js';
import type { CookieKind, CookieSite, Flag } from '../model.js';
import type { PyRuleContext } from './rule.js';

export interface CallSiteSpec {
  ruleId: string;
  /** Keyword spelling per flag; null where the API has no such option. */
  keys: Record<Flag, string | null>;
  kind?: CookieKind;
  cookieNames: string[];
}

export function keywordCallSite(
  module: PyModule,
  call: SyntaxNode,
  argList: SyntaxNode,
  context: PyRuleContext,
  spec: CallSiteSpec,
): CookieSite {
  const identity = (key: string) => key;
  const view = readPyOptions(module, argList, context, identity);
  const flag = (key: string | null) => (key === null ? { kind: 'absent' as const } : readPyFlag(view, key));
  const site: CookieSite = {
    ruleId: spec.ruleId,
    file: module.file,
    offset: call.from,
    cookieNames: spec.cookieNames,
    kind: spec.kind,
    flags: { httpOnly: flag(spec.keys.httpOnly), secure: flag(spec.keys.secure) },
    keys: spec.keys,
    insertion: null,
    usedAt: [],
    notes: [],
  };
  placeCallOptions(site, module, call, view, context, identity);
  return site;
}

/**
 * Where a call's missing flags go, and where the site is reported: into the dict the call splats when there
 * is one (fixed once for every call that uses it), else into the call's own arguments; nowhere when an
 * unreadable splat may already set them. Also applies a `cookie-hardener-ignore` above the call or the dict.
 */
export function placeCallOptions(
  site: CookieSite,
  module: PyModule,
  call: SyntaxNode,
  view: PyOptionsView,
  context: PyRuleContext,
  normalize: (key: string) => string,
): void {
  // The dict the call itself splats, not one splatted inside it: a shared base may serve other cookies.
  const target = view.unknownSpread ? null : view.splatted.filter((entry) => entry.direct).at(-1);
  if (target) {
    const dictView = readPyOptions(target.module, target.node, context, normalize);
    if (dictView.container && !dictView.unknownSpread) {
      site.file = target.module.file;
      site.offset = target.node.from;
      site.insertion = { container: dictView.container, nest: [] };
      site.usedAt.push(`${module.file}:${lineColumn(module.starts, call.from).line}`);
      site.notes.push(`The flags come from the dict splatted at ${site.usedAt[0]}.`);
    }
  } else if (!view.unknownSpread && view.container) {
    site.insertion = { container: view.container, nest: [] };
  }
}

/** Whether `name` is bound in the module by an import from one of `packages` (or their submodules). */
export function importedFrom(module: PyModule, name: string, packages: readonly string[]): boolean {
  const binding = module.imports.get(name);
  if (!binding) return false;
  const top = binding.module.split('.')[0] ?? '';
  return packages.includes(top);
}

/**
 * Whether a cookie call deletes the cookie instead of setting one: an empty value (`''`, `None`), or an
 * expiry already past (`max_age=0`, `expires=0`, `expires_days=-1`, `expires=datetime(1970, 1, 1)`,
 * `expires='Thu, 01 Jan 1970 00:00:00 GMT'`, `expires=datetime.utcnow() - timedelta(days=1)`). Flags protect
 * nothing there, and Secure would keep the deletion from reaching a browser over plain HTTP.
 */
export function isPyCookieDeletion(
  module: PyModule,
  value: SyntaxNode | undefined,
  keyword: (name: string) => SyntaxNode | undefined,
): boolean {
  if (value && (value.name === 'None' || stringLiteral(module, value) === '')) return true;
  const maxAge = keyword('max_age');
  if (maxAge && notPositive(textOf(module, maxAge))) return true;
  const days = keyword('expires_days');
  if (days && notPositive(textOf(module, days))) return true;
  const expires = keyword('expires');
  return expires !== undefined && isPastExpiry(module, expires);
}

function notPositive(text: string): boolean {
  return /^(?:-\s*\d+(?:\.\d*)?|0+(?:\.0*)?)$/.test(text.trim());
}

/** Dates written before 2000 are taken as "in the past": that is how deletions spell them. */
function isPastExpiry(module: PyModule, node: SyntaxNode): boolean {
  const text = textOf(module, node).trim();
  if (notPositive(text)) return true;
  const literal = stringLiteral(module, node);
  if (literal !== null) return /\b19\d\d\b/.test(literal) || /^\s*0\s*$/.test(literal);
  if (/^(?:\w+\.)*datetime\s*\(\s*19\d\d\b/.test(text)) return true;
  if (/^(?:\w+\.)*(?:utc)?fromtimestamp\s*\(\s*0\s*[,)]/.test(text)) return true;
  return /\b(?:utc)?now\s*\([^)]*\)\s*-/.test(text) || /\btime\s*\(\s*\)\s*-/.test(text);
}

/**
 * A site that may not be the framework's call (an unseen base class, arguments the framework does not take):
 * reported so a person can look, never edited. Flags already on stay on.
 */
export function withheld(site: CookieSite, reason: string): void {
  for (const flag of ['httpOnly', 'secure'] as const) {
    if (site.flags[flag].kind !== 'true') site.flags[flag] = { kind: 'unknown', reason };
  }
  site.insertion = null;
}

/**
 * A call with `*args`: the starred sequence may carry more positional arguments, flags included where the
 * API takes them positionally. Flags not written as keywords become unknown, and nothing is inserted.
 */
export function behindStarArguments(site: CookieSite, module: PyModule, star: SyntaxNode): void {
  const reason = `\`*${abbreviate(module.text.slice(star.from, star.to))}\` may pass it positionally`;
  for (const flag of ['httpOnly', 'secure'] as const) {
    if (site.keys[flag] !== null && site.flags[flag].kind === 'absent')
      site.flags[flag] = { kind: 'unknown', reason };
  }
  site.insertion = null;
}

/**
 * A call inside a helper that hands its own caller's `**kwargs` on (`def set(resp, **kw): resp.set_cookie(…,
 * **kw)`): the flags come from the helper's callers, so they are the sites, not this call.
 */
export function passesCallerKwargs(module: PyModule, call: SyntaxNode, args: readonly PyArgument[]): boolean {
  const wrapper = enclosingFunction(module, call);
  const kwargs = wrapper?.kwargsParameter;
  return Boolean(
    kwargs &&
    args.some((argument) => argument.kind === 'doublestar' && textOf(module, argument.value) === kwargs),
  );
}

/** `settings.SESSION_COOKIE_NAME`, `CSRF_COOKIE`, `token_name`: the kind a non-literal name suggests. */
export function kindOfExpression(module: PyModule, node: SyntaxNode): CookieKind | undefined {
  const dotted = dottedName(module, node);
  if (!dotted) return undefined;
  const kind = kindOfName(dotted.at(-1)!);
  return kind === 'other' ? undefined : kind;
}
