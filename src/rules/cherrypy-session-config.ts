// CherryPy's session tool, configured as `tools.sessions.*` entries of a config dict (`cherrypy.config.update`,
// `quickstart` / `tree.mount` configs, a class's `_cp_config`): `tools.sessions.httponly` and
// `tools.sessions.secure` default to False, and the tool has no SameSite setting. A dict is judged where it
// turns the tool on or sets one of the two flags; its other keys (`timeout`, `storage_class`) may refine a
// tool turned on elsewhere, so they alone are no reason to report.
//
// INI-style `.conf` files, where the same keys often live, are not scanned (the scan reads Python sources only).
import type { SyntaxNode } from '@lezer/common';
import { dictEntriesOf, evaluatePyFlag, type PyModule } from '../languages/python.js';
import type { CookieSite } from '../model.js';
import { keywordCallSite } from './py-call-site-common.js';
import type { PyRule } from './rule.js';

const ON = 'tools.sessions.on';
const HTTPONLY = 'tools.sessions.httponly';
const SECURE = 'tools.sessions.secure';

export const cherrypySessionConfig: PyRule = {
  meta: {
    id: 'cherrypy-session-config',
    framework: 'cherrypy',
    language: 'python',
    api: "'tools.sessions.secure' / 'tools.sessions.httponly'",
    description:
      'CherryPy session tool settings in config dicts (`cherrypy.config.update`, app configs, `_cp_config`): `tools.sessions.secure` and `tools.sessions.httponly` default to False.',
    defaults: { httpOnly: 'off', secure: 'off' },
    mentions: ['tools.sessions'],
  },
  findSites(module, context) {
    if (!module.text.includes('tools.sessions')) return [];
    if (!importsCherrypy(module) && !context.project.some(importsCherrypy)) return [];
    const sites: CookieSite[] = [];
    const inherited = new Set<number>();
    module.tree.iterate({
      enter: (ref) => {
        if (ref.name !== 'DictionaryExpression') return;
        markInheritedSections(module, ref.node, inherited);
        if (inherited.has(ref.node.from) || !configuresSessions(module, ref.node)) return;
        sites.push(
          keywordCallSite(module, ref.node, ref.node, context, {
            ruleId: this.meta.id,
            keys: { httpOnly: HTTPONLY, secure: SECURE },
            kind: 'session',
            cookieNames: ['session_id'],
          }),
        );
      },
    });
    return sites;
  },
};

function importsCherrypy(module: PyModule): boolean {
  for (const binding of module.imports.values()) if (binding.module.split('.')[0] === 'cherrypy') return true;
  return false;
}

/** The dict turns the session tool on (anything but a literal false), or sets one of its two flags. */
function configuresSessions(module: PyModule, dict: SyntaxNode): boolean {
  let relevant = false;
  for (const entry of dictEntriesOf(module, dict)) {
    if (entry.key === HTTPONLY || entry.key === SECURE) relevant = true;
    if (entry.key === ON && evaluatePyFlag(module, entry.value).kind !== 'false') relevant = true;
  }
  return relevant;
}

/**
 * An app config keyed by path (`{'/': {…}, '/api': {…}}`): CherryPy gives each path the settings of the paths
 * above it, so a section that only turns the tool on under a parent that configures it too gets its flags from
 * that parent, where the fix belongs. A section that sets a flag itself is still judged on its own.
 */
function markInheritedSections(module: PyModule, dict: SyntaxNode, inherited: Set<number>): void {
  const sections = new Map<string, SyntaxNode>();
  for (const entry of dictEntriesOf(module, dict)) {
    if (
      typeof entry.key === 'string' &&
      entry.key.startsWith('/') &&
      entry.value.name === 'DictionaryExpression'
    )
      sections.set(entry.key, entry.value);
  }
  for (const [path, section] of sections) {
    const parent = nearestParent(path, sections);
    if (!parent || !configuresSessions(module, parent)) continue;
    const ownFlag = dictEntriesOf(module, section).some(
      (entry) => entry.key === HTTPONLY || entry.key === SECURE,
    );
    if (!ownFlag) inherited.add(section.from);
  }
}

function nearestParent(path: string, sections: ReadonlyMap<string, SyntaxNode>): SyntaxNode | null {
  let current = path.replace(/\/+$/, '');
  while (current !== '') {
    current = current.slice(0, current.lastIndexOf('/'));
    const found = sections.get(current === '' ? '/' : current) ?? sections.get(`${current}/`);
    if (found && (current !== '' || path !== '/')) return found;
  }
  return null;
}
