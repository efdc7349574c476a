// CherryPy's session tool configured in an INI-style config file (checked at cherrypy/cherrypy@1f75bc9e):
// - `reprconf.Parser` is a `configparser.ConfigParser` that keeps keys as written; each value must be a Python
//   literal (`unrepr`), so true is spelled `True` and `true` fails to load.
// - `[global]` entries reach every request (`cherrypy.config.update(file)`, which `quickstart(config=file)`
//   calls too); `[/path]` sections are an application's config (`tree.mount` / `quickstart`), and a request
//   merges global config, then each path section from `/` down to its own (`_cpdispatch.py`), so a section
//   inherits the session settings of those above it.
// - The tool's `init` defaults `secure` and `httponly` to False (`lib/sessions.py:783-795`).
// A file is judged when it turns the tool on itself, or when the project's Python code names it (a string
// ending in the file's name, in a module that imports cherrypy): a file that only sets a flag may refine a
// tool turned on in code.
import { insertionAfter, optionOf, type IniFile, type IniOption, type IniSection } from '../languages/ini.js';
import type { CookieSite, FlagValue } from '../model.js';
import type { PyModule } from '../languages/python.js';
import type { ConfigSite, PyRuleContext } from './rule.js';

const ON = 'tools.sessions.on';
const HTTPONLY = 'tools.sessions.httponly';
const SECURE = 'tools.sessions.secure';
const NAME = 'tools.sessions.name';

export function cherrypyConfSites(
  ini: IniFile,
  context: PyRuleContext,
  ruleId: string,
  importsCherrypy: (module: PyModule) => boolean,
): ConfigSite[] {
  if (!ini.text.includes('tools.sessions')) return [];
  const sections = ini.sections.filter(
    (section) => section.name === 'global' || section.name.startsWith('/'),
  );
  const turnsOn = sections.some((section) => isOn(optionOf(section, ON)));
  const loader = turnsOn ? null : loaderOf(ini.file, context.project.filter(importsCherrypy));
  if (!turnsOn && !loader) return [];
  const byName = new Map(sections.map((section) => [section.name, section]));
  const sites: ConfigSite[] = [];
  for (const section of sections) {
    if (!configuresSessions(section)) continue;
    const parent = parentOf(section.name, byName);
    const ownFlag = optionOf(section, HTTPONLY) !== null || optionOf(section, SECURE) !== null;
    // Turned on again under a section that configures the tool: its flags come from there, where the fix goes.
    if (parent && configuresSessions(parent) && !ownFlag) continue;
    const site = siteOf(ini, section, ruleId);
    if (site) sites.push(loader ? { site, loadedBy: loader } : { site });
  }
  return sites;
}

/** The first project module with a string literal naming the file (`'app.conf'`, `"conf/app.conf"`). */
function loaderOf(file: string, modules: readonly PyModule[]): string | null {
  const name = file.slice(file.lastIndexOf('/') + 1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const named = new RegExp(`(['"])(?:[^'"\\n]*[/\\\\])?${name}\\1`);
  return modules.find((module) => named.test(module.text))?.file ?? null;
}

/** The section turns the tool on, or sets a flag without turning it off there. */
function configuresSessions(section: IniSection): boolean {
  const on = optionOf(section, ON);
  if (on) return isOn(on);
  return optionOf(section, HTTPONLY) !== null || optionOf(section, SECURE) !== null;
}

/** Anything but a literal false turns the tool on. */
function isOn(option: IniOption | null): boolean {
  return option !== null && classify(option, '').kind !== 'false';
}

/** `[global]` is above every path; a path's parent is the nearest section above it, up to `/`. */
function parentOf(name: string, sections: ReadonlyMap<string, IniSection>): IniSection | null {
  if (name === 'global') return null;
  let current = name.replace(/\/+$/, '');
  while (current !== '') {
    current = current.slice(0, current.lastIndexOf('/'));
    const found = sections.get(current === '' ? '/' : current) ?? sections.get(`${current}/`);
    if (found && (current !== '' || name !== '/')) return found;
  }
  return sections.get('global') ?? null;
}

function siteOf(ini: IniFile, section: IniSection, ruleId: string): CookieSite | null {
  const on = optionOf(section, ON);
  const httpOnly = optionOf(section, HTTPONLY);
  const secure = optionOf(section, SECURE);
  // New options go right after the line that turns the tool on, else after the flag that is there.
  const anchor = (isOn(on) ? on : null) ?? [httpOnly, secure].filter((option) => option !== null).at(-1);
  if (!anchor) return null;
  const name = optionOf(section, NAME);
  const literalName = name ? /^(['"])([^'"\\]+)\1$/.exec(name.value)?.[2] : undefined;
  const notes: string[] = [];
  if (anchor.continued)
    notes.push(`\`${anchor.key}\` continues on the lines below it, so nothing is inserted after it`);
  return {
    ruleId,
    file: ini.file,
    offset: anchor.span.start,
    cookieNames: [literalName ?? 'session_id'],
    kind: 'session',
    flags: {
      httpOnly: httpOnly ? classify(httpOnly, ini.file) : { kind: 'absent' },
      secure: secure ? classify(secure, ini.file) : { kind: 'absent' },
    },
    keys: { httpOnly: HTTPONLY, secure: SECURE },
    insertion: insertionAfter(ini.file, anchor, section),
    usedAt: [],
    notes,
    trueLiteral: 'True',
  };
}

/** A value as `unrepr` reads it: Python literals only; anything else (an expression, `%(x)s`) is run-time. */
function classify(option: IniOption, file: string): FlagValue {
  const value = option.value;
  if (option.continued) return { kind: 'unknown', reason: `\`${option.key}\` spans several lines` };
  if (/^(?:True|[1-9]\d*)$/.test(value)) return { kind: 'true', span: option.valueSpan };
  if (/^(?:False|None|0|''|"")$/.test(value)) return { kind: 'false', span: option.valueSpan, file };
  return { kind: 'conditional', span: option.valueSpan, text: value, devOnly: false };
}
