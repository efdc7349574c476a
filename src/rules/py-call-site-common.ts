// A cookie site made of one call's keyword arguments (a middleware or storage constructor): flags read from
// the keywords (following visible `**dict` splats), new keywords added to the call itself or to the dict the
// call splats.
import type { SyntaxNode } from '@lezer/common';
import { pyIgnoreReason, type PyModule } from '../languages/python.js';
import { readPyFlag, readPyOptions, type PyOptionsView } from '../languages/py-options.js';
import { abbreviate, lineColumn } from '../languages/text.js';
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
  const target = view.unknownSpread ? null : view.splatted.at(-1);
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
  const reason =
    pyIgnoreReason(module, call.from) ?? (target ? pyIgnoreReason(target.module, target.node.from) : null);
  if (reason !== null) site.ignoredReason = reason;
}

/** Whether `name` is bound in the module by an import from one of `packages` (or their submodules). */
export function importedFrom(module: PyModule, name: string, packages: readonly string[]): boolean {
  const binding = module.imports.get(name);
  if (!binding) return false;
  const top = binding.module.split('.')[0] ?? '';
  return packages.includes(top);
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
