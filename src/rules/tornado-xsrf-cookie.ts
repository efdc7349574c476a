// Tornado's `_xsrf` cookie takes its attributes only from the `xsrf_cookie_kwargs` application setting.
// Script reads `_xsrf` for AJAX requests, so only Secure is enforced here, never HttpOnly.
import type { SyntaxNode } from '@lezer/common';
import { argumentsOf, dictEntriesOf, pyContainer, textOf, type PyModule } from '../languages/python.js';
import { isMutated, readPyFlag, readPyOptions, resolvePyExpression } from '../languages/py-options.js';
import type { CookieSite } from '../model.js';
import type { PyRule, PyRuleContext } from './rule.js';
import { tornadoKey } from './tornado-common.js';
import { isTornadoProject } from './tornado-set-cookie.js';

const KWARGS = 'xsrf_cookie_kwargs';

interface SettingEntry {
  key: string;
  value: SyntaxNode;
  from: number;
}

export const tornadoXsrfCookie: PyRule = {
  meta: {
    id: 'tornado-xsrf-cookie',
    framework: 'tornado',
    language: 'python',
    api: 'xsrf_cookie_kwargs',
    description:
      'The `_xsrf` cookie options (`xsrf_cookie_kwargs`) of a Tornado application that enables `xsrf_cookies`.',
    defaults: { httpOnly: 'off', secure: 'off' },
  },
  findSites(module, context) {
    if (!module.text.includes('xsrf_cookie') || !isTornadoProject(context.project)) return [];
    const sites: CookieSite[] = [];
    module.tree.iterate({
      enter: (ref) => {
        if (ref.name !== 'ArgList' && ref.name !== 'DictionaryExpression') return;
        const entries = settingEntries(module, ref.node);
        const site = siteFor(module, ref.node, entries, context, this.meta.id);
        if (site) sites.push(site);
      },
    });
    return sites;
  },
};

function settingEntries(module: PyModule, node: SyntaxNode): SettingEntry[] {
  if (node.name === 'ArgList') {
    return argumentsOf(module, node)
      .filter((argument) => argument.kind === 'keyword' && argument.name)
      .map((argument) => ({ key: argument.name!, value: argument.value, from: argument.span.start }));
  }
  return dictEntriesOf(module, node)
    .filter((entry) => entry.key !== null)
    .map((entry) => ({ key: entry.key!, value: entry.value, from: entry.span.start }));
}

function siteFor(
  module: PyModule,
  node: SyntaxNode,
  entries: SettingEntry[],
  context: PyRuleContext,
  ruleId: string,
): CookieSite | null {
  const base = {
    ruleId,
    cookieNames: ['_xsrf'],
    kind: 'csrf' as const,
    keys: { httpOnly: null, secure: 'secure' },
    usedAt: [] as string[],
    notes: [] as string[],
  };
  const kwargs = entries.find((entry) => entry.key === KWARGS);
  if (kwargs) {
    const resolved = resolvePyExpression(module, kwargs.value, context);
    if ('unknown' in resolved) return null;
    const view = readPyOptions(resolved.module, resolved.node, context, tornadoKey);
    const site: CookieSite = {
      ...base,
      file: resolved.module.file,
      offset: resolved.node.from,
      flags: { httpOnly: { kind: 'absent' }, secure: readPyFlag(view, 'secure') },
      insertion: view.container && !view.unknownSpread ? { container: view.container, nest: [] } : null,
    };
    return site;
  }
  const enabled = entries.find((entry) => entry.key === 'xsrf_cookies');
  if (!enabled || module.text.slice(enabled.value.from, enabled.value.to) !== 'True') return null;
  const container = pyContainer(
    module,
    node,
    node.name === 'ArgList'
      ? argumentsOf(module, node).map((argument) => argument.span)
      : dictEntriesOf(module, node).map((entry) => entry.span),
  );
  // A settings dict that is updated later (`settings.update(overrides)`) may get its xsrf_cookie_kwargs
  // there: adding our own could override the project's, so such a dict is reported, not edited.
  const holder = node.name === 'ArgList' ? node.parent : node; // `dict(...)` or `{...}`
  const assigned = holder?.parent?.name === 'AssignStatement' ? holder.parent.firstChild : null;
  const updatedLater = assigned?.name === 'VariableName' && isMutated(module, textOf(module, assigned));
  const site: CookieSite = {
    ...base,
    file: module.file,
    offset: enabled.from,
    flags: { httpOnly: { kind: 'absent' }, secure: { kind: 'absent' } },
    insertion: container && !updatedLater ? { container, nest: [KWARGS] } : null,
  };
  site.notes.push(
    '`xsrf_cookies` is on, but no `xsrf_cookie_kwargs` gives the `_xsrf` cookie its attributes.',
  );
  if (updatedLater) {
    site.notes.push(
      'The settings dict is changed after it is written, so the flag is left for a person to add.',
    );
  }
  return site;
}
