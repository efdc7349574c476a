// CherryPy's session tool, configured as `tools.sessions.*` entries of a config dict (`cherrypy.config.update`,
// `quickstart` / `tree.mount` configs, a class's `_cp_config`): `tools.sessions.httponly` and
// `tools.sessions.secure` default to False, and the tool has no SameSite setting. A dict is judged where it
// turns the tool on or sets one of the two flags; its other keys (`timeout`, `storage_class`) may refine a
// tool turned on elsewhere, so they alone are no reason to report. The same dict passed to the
// `@cherrypy.config(**{…})` decorator is found the same way; the tool used as a decorator itself,
// `@cherrypy.tools.sessions(secure=…, httponly=…)`, turns it on for one handler with those keywords
// (`_cptools.py:114-139`: a tool's `__call__` sets `tools.sessions.on` and its keywords in `_cp_config`).
//
// The same keys in CherryPy's INI-style config files are read by `cherrypy-conf-common.ts`.
import type { SyntaxNode } from '@lezer/common';
import type { IniFile } from '../languages/ini.js';
import { childrenOf, dictEntriesOf, evaluatePyFlag, textOf, type PyModule } from '../languages/python.js';
import type { CookieSite } from '../model.js';
import { cherrypyConfSites } from './cherrypy-conf-common.js';
import { keywordCallSite } from './py-call-site-common.js';
import type { PyRule, PyRuleContext } from './rule.js';

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
      'CherryPy session tool settings in config dicts (`cherrypy.config.update`, app configs, `_cp_config`, `@cherrypy.config`), `.conf` files and `@cherrypy.tools.sessions(...)`: `tools.sessions.secure` and `tools.sessions.httponly` default to False.',
    defaults: { httpOnly: 'off', secure: 'off' },
    // A module that names a config file (`cherrypy.config.update('app.conf')`) is read too: it may be what
    // makes a `.conf` file that only sets a flag count.
    mentions: ['tools.sessions', ".conf'", '.conf"', ".ini'", '.ini"'],
  },
  findSites(module, context) {
    if (!module.text.includes('tools.sessions')) return [];
    if (!importsCherrypy(module) && !context.project.some(importsCherrypy)) return [];
    const sites: CookieSite[] = [];
    const inherited = new Set<number>();
    module.tree.iterate({
      enter: (ref) => {
        if (ref.name === 'Decorator') {
          const site = sessionDecoratorSite(module, ref.node, context, this.meta.id);
          if (site) sites.push(site);
          return;
        }
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
  findConfigSites(file: IniFile, context: PyRuleContext) {
    return cherrypyConfSites(file, context, this.meta.id, importsCherrypy);
  },
};

/**
 * `@cherrypy.tools.sessions(…)` (or `@tools.sessions(…)` with `tools` imported from cherrypy): the tool's own
 * keywords, `secure` and `httponly`, with the same defaults as the config keys.
 */
function sessionDecoratorSite(
  module: PyModule,
  decorator: SyntaxNode,
  context: PyRuleContext,
  ruleId: string,
): CookieSite | null {
  const parts = childrenOf(decorator);
  const argList = parts.at(-1);
  if (argList?.name !== 'ArgList') return null;
  const dotted = parts
    .slice(1, -1)
    .map((part) => textOf(module, part))
    .join('')
    .replace(/\s+/g, '');
  const viaImport =
    dotted === 'tools.sessions' && module.imports.get('tools')?.module.split('.')[0] === 'cherrypy';
  if (dotted !== 'cherrypy.tools.sessions' && !viaImport) return null;
  return keywordCallSite(module, decorator, argList, context, {
    ruleId,
    keys: { httpOnly: 'httponly', secure: 'secure' },
    kind: 'session',
    cookieNames: ['session_id'],
  });
}

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
