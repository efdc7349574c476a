// Django settings modules, read once per scan, and what each cookie setting amounts to in the settings module
// Django would load (`DJANGO_SETTINGS_MODULE`). Settings are often split: `settings/base.py` holds the common
// part, `settings/production.py` starts with `from .base import *` and overrides; a module like
// `settings/session.py` is star-imported by another. The modules that nothing star-imports are the ones Django
// loads ("entries"); a value is what the last assignment or star import before the end says.
//
// Development-only entries (`local.py`, `dev.py`, `test.py`, or `DEBUG = True` beside a production module) are
// not rewritten: an explicit False there is reported as a low-severity advisory, a missing key not at all.
import type { SyntaxNode } from '@lezer/common';
import {
  assignedValue,
  childrenOf,
  classifyPyCondition,
  evaluatePyFlag,
  pyStatementsContainer,
  starImportsOf,
  stringLiteral,
  textOf,
  type PyModule,
} from '../languages/python.js';
import type { CookieSite, Flag, FlagValue } from '../model.js';
import { frameworksOf } from './py-framework-common.js';
import type { PyRuleContext } from './rule.js';

const MARKERS = ['INSTALLED_APPS', 'MIDDLEWARE', 'MIDDLEWARE_CLASSES', 'ROOT_URLCONF'];
const DEV_WORDS = new Set([
  'local',
  'dev',
  'develop',
  'development',
  'test',
  'tests',
  'testing',
  'ci',
  'debug',
]);
const PROD_WORDS = new Set(['prod', 'production', 'live', 'deploy', 'deployment']);
const COOKIE_SETTING = /^(SESSION|CSRF)_COOKIE_[A-Z_]+$/;

export interface SettingsModule {
  module: PyModule;
  devOnly: boolean;
  production: boolean;
  /** Not star-imported by another settings module of the scan: Django may load it directly. */
  entry: boolean;
  stars: Array<{ target: PyModule | null; at: number }>;
}

export interface DjangoSettings {
  load: PyRuleContext['load'] | null;
  modules: SettingsModule[];
  byModule: Map<PyModule, SettingsModule>;
}

/** One setting as Django would see it in an entry module. */
export type SettingValue =
  | { kind: 'absent' }
  | { kind: 'unknown'; reason: string }
  | { kind: 'write'; module: PyModule; statement: SyntaxNode; value: FlagValue };

const cache = new WeakMap<readonly PyModule[], DjangoSettings | null>();

export function djangoSettings(context: PyRuleContext): DjangoSettings | null {
  const project = context.project;
  if (cache.has(project)) return cache.get(project) ?? null;
  // A module that imports another web framework is that framework's code, whatever names it assigns.
  const marked = project.filter(
    (module) =>
      MARKERS.some((name) => module.assignments.has(name)) &&
      ![...frameworksOf(module)].some((framework) => framework !== 'django'),
  );
  let result: DjangoSettings | null = null;
  if (marked.length > 0) {
    const found = new Map<PyModule, PyModule[]>(); // settings module → the settings modules it star-imports
    const visit = (module: PyModule, depth: number) => {
      if (found.has(module) || depth > 8) return;
      const targets = starImportsOf(module).map((star) => context.load(module.file, star.module));
      found.set(
        module,
        targets.filter((target): target is PyModule => target !== null),
      );
      for (const target of found.get(module)!) visit(target, depth + 1);
    };
    for (const module of marked) visit(module, 0);
    // Modules that build on a settings module (`from .base import *`), or settings-named modules that write
    // cookie settings (`production_settings.py`, `config/settings/session.py`).
    for (const module of project) {
      if (found.has(module)) continue;
      const stars = starImportsOf(module).map((star) => context.load(module.file, star.module));
      const buildsOnSettings = stars.some((target) => target && found.has(target));
      const settingsNamed =
        /settings/i.test(module.file) &&
        [...module.assignments.keys()].some((key) => COOKIE_SETTING.test(key));
      if (buildsOnSettings || settingsNamed) visit(module, 0);
    }
    const imported = new Set([...found.values()].flat());
    const modules = [...found.keys()].map((module) => describe(module, context, !imported.has(module)));
    const productionEntries = modules.filter((entry) => entry.entry && !entry.devOnly && entry.production);
    for (const settings of modules) {
      // `DEBUG = True` marks a development module only where another module is there for production.
      if (
        settings.entry &&
        !settings.devOnly &&
        literalAssignment(settings.module, 'DEBUG') === 'True' &&
        !settings.production
      )
        settings.devOnly = productionEntries.length > 0;
    }
    result = {
      load: context.load,
      modules,
      byModule: new Map(modules.map((settings) => [settings.module, settings])),
    };
  }
  cache.set(project, result);
  return result;
}

function describe(module: PyModule, context: PyRuleContext, entry: boolean): SettingsModule {
  const stem = module.file.replace(/\.py$/, '').split('/').slice(-1)[0] ?? '';
  const words = stem.split(/[^a-zA-Z0-9]+/).map((word) => word.toLowerCase());
  const production =
    words.some((word) => PROD_WORDS.has(word)) || literalAssignment(module, 'DEBUG') === 'False';
  return {
    module,
    devOnly: words.some((word) => DEV_WORDS.has(word)) && !words.some((word) => PROD_WORDS.has(word)),
    production,
    entry,
    stars: starImportsOf(module).map((star) => ({
      target: context.load(module.file, star.module),
      at: star.at,
    })),
  };
}

function literalAssignment(module: PyModule, name: string): string | null {
  const value = module.assignments.get(name);
  return value ? textOf(module, value) : null;
}

/** A setting's value at the end of `module`, following star imports in order. */
function settingValue(settings: DjangoSettings, module: PyModule, key: string, depth = 0): SettingValue {
  let current: SettingValue = { kind: 'absent' };
  const described = settings.byModule.get(module);
  const stars = new Map((described?.stars ?? []).map((star) => [star.at, star.target]));
  for (let statement = module.tree.topNode.firstChild; statement; statement = statement.nextSibling) {
    if (statement.name === 'AssignStatement') {
      const target = statement.firstChild;
      const value = assignedValue(statement);
      if (target?.name === 'VariableName' && value && textOf(module, target) === key)
        current = { kind: 'write', module, statement, value: judge(settings, module, value) };
    } else if (statement.name === 'ImportStatement' && stars.has(statement.from)) {
      const target = stars.get(statement.from);
      if (!target) {
        if (current.kind === 'absent')
          current = {
            kind: 'unknown',
            reason: `\`${textOf(module, statement)}\` names a module that was not scanned`,
          };
        continue;
      }
      if (depth > 8) continue;
      const inherited = settingValue(settings, target, key, depth + 1);
      if (inherited.kind !== 'absent') current = inherited;
    } else if (statement.name === 'IfStatement' || statement.name === 'TryStatement') {
      current = branchValue(module, statement, key) ?? current;
    }
  }
  return current;
}

/**
 * A setting's value; a bare name (`SESSION_COOKIE_SECURE = USE_HTTPS`) is followed to a literal in this module
 * or the one it is imported from. A False found that way is reported at the use, so a flip changes this setting
 * and not the shared name.
 */
function judge(settings: DjangoSettings, module: PyModule, value: SyntaxNode): FlagValue {
  if (value.name !== 'VariableName') return evaluatePyFlag(module, value);
  const name = textOf(module, value);
  let literal = module.assignments.get(name) ?? null;
  let owner = module;
  const imported = module.imports.get(name);
  if (!literal && imported?.name && settings.load) {
    const target = settings.load(module.file, imported.module);
    literal = target?.assignments.get(imported.name) ?? null;
    if (target) owner = target;
  }
  if (!literal || (literal.name !== 'Boolean' && literal.name !== 'None'))
    return evaluatePyFlag(module, value);
  const judged = evaluatePyFlag(owner, literal);
  const span = { start: value.from, end: value.to };
  return judged.kind === 'false' ? { kind: 'false', span, file: module.file } : { kind: 'true', span };
}

/** An assignment inside a top-level `if` / `try`: production gets it only when the branch runs there. */
function branchValue(module: PyModule, statement: SyntaxNode, key: string): SettingValue | null {
  if (!module.text.slice(statement.from, statement.to).includes(key)) return null;
  let result: SettingValue | null = null;
  const children = childrenOf(statement);
  children.forEach((child, index) => {
    if (child.name !== 'Body') return;
    const keyword = children[index - 2]?.name;
    const test = children[index - 1];
    const environment =
      (keyword === 'if' || keyword === 'elif') && test ? classifyPyCondition(module, test) : 'unknown';
    if (environment === 'development') return; // production never runs this branch
    for (const inner of childrenOf(child)) {
      if (inner.name !== 'AssignStatement') continue;
      const target = inner.firstChild;
      const value = assignedValue(inner);
      if (target?.name !== 'VariableName' || !value || textOf(module, target) !== key) continue;
      const judged = evaluatePyFlag(module, value);
      result = {
        kind: 'write',
        module,
        statement: inner,
        value:
          environment === 'production' || judged.kind === 'conditional'
            ? judged
            : {
                kind: 'conditional',
                span: { start: value.from, end: value.to },
                text: test ? `if ${textOf(module, test)}` : textOf(module, value),
                devOnly: false,
              },
      };
    }
  });
  return result;
}

export interface DjangoFamily {
  ruleId: string;
  /** The keys this rule writes; httpOnly null where it must never be added (`CSRF_COOKIE_HTTPONLY`). */
  keys: Record<Flag, string | null>;
  cookieName: string;
  /** Where a report about a missing key points when the module has no setting of the family. */
  marker: string;
  prefix: string;
  /** Statements of this family are keyed by the run's end, not its start (see `insertion`). */
  keyRunByEnd: boolean;
  /** Prefixes whose statements the new line may follow when the family has none of its own. */
  neighbours: string[];
}

/** Sites for one family of cookie settings, one per entry module (merged where entries share a write). */
export function djangoFamilySites(
  settings: DjangoSettings,
  module: PyModule,
  family: DjangoFamily,
): CookieSite[] {
  const sites: CookieSite[] = [];
  for (const entry of settings.modules) {
    if (!entry.entry) continue;
    const values = {
      httpOnly: family.keys.httpOnly
        ? settingValue(settings, entry.module, family.keys.httpOnly)
        : ({ kind: 'absent' } as const),
      secure: settingValue(settings, entry.module, family.keys.secure!),
    };
    const flags: Record<Flag, FlagValue> = {
      httpOnly: flagOf(values.httpOnly),
      secure: flagOf(values.secure),
    };
    // Session HttpOnly is on by default: only a value that turns it off in production is worth a word.
    const httpOnly = flags.httpOnly;
    if (!(httpOnly.kind === 'false' || (httpOnly.kind === 'conditional' && httpOnly.devOnly)))
      flags.httpOnly = { kind: 'absent' };
    const weak = (value: FlagValue) => value.kind === 'false' || value.kind === 'conditional';
    const weakValue = (['secure', 'httpOnly'] as const)
      .map((flag) => values[flag])
      .find((value, index): value is Extract<SettingValue, { kind: 'write' }> =>
        weak(flags[index === 0 ? 'secure' : 'httpOnly']) ? value.kind === 'write' : false,
      );
    if (flags.secure.kind === 'unknown' && !weak(flags.httpOnly)) continue;
    if (flags.secure.kind === 'true' && !weak(flags.httpOnly)) continue;
    if (flags.secure.kind === 'absent' && !weak(flags.httpOnly)) {
      if (entry.devOnly || writtenElsewhere(settings, entry, family.keys.secure!)) continue;
    }
    const siteModule = weakValue?.module ?? entry.module;
    if (siteModule !== module) continue;
    const site: CookieSite = {
      ruleId: family.ruleId,
      file: siteModule.file,
      offset: weakValue?.statement.from ?? pointerFor(entry.module, family),
      cookieNames: [configuredName(settings, entry.module, family) ?? family.cookieName],
      kind: 'session',
      flags,
      keys: family.keys,
      insertion: insertionFor(entry.module, family),
      usedAt: [],
      notes: [],
    };
    if (entry.devOnly) {
      // Only a value the development module writes itself; an inherited one is reported for production.
      if (!weakValue || weakValue.module !== entry.module) continue;
      site.advisory =
        `\`${textOf(siteModule, weakValue.statement)}\` in a development settings module: fine for a local ` +
        `HTTP server, but make sure the production settings set \`${family.keys.secure!} = True\`. Not changed.`;
      site.insertion = null;
    } else if (weakValue && weakValue.module !== entry.module) {
      site.notes.push(
        `\`${entry.module.file}\` takes this value from \`${weakValue.module.file}\` (\`import *\`).`,
      );
    }
    sites.push(site);
  }
  return sites;
}

/** The cookie's name as the entry module sets it (`SESSION_COOKIE_NAME = "ld_sessionid"`), when a literal. */
function configuredName(settings: DjangoSettings, module: PyModule, family: DjangoFamily): string | null {
  const value = settingValue(settings, module, `${family.prefix}NAME`);
  if (value.kind !== 'write') return null;
  const node = assignedValue(value.statement);
  return node ? stringLiteral(value.module, node) : null;
}

function flagOf(value: SettingValue): FlagValue {
  if (value.kind === 'write') return value.value;
  if (value.kind === 'unknown') return { kind: 'unknown', reason: value.reason };
  return { kind: 'absent' };
}

/** Another Django-loadable module writes the key: a missing key here may be a deliberate split. */
function writtenElsewhere(settings: DjangoSettings, entry: SettingsModule, key: string): boolean {
  return settings.modules.some(
    (other) =>
      other !== entry &&
      !other.devOnly &&
      other.module.assignments.has(key) &&
      !dependsOn(settings, entry, other),
  );
}

function dependsOn(
  settings: DjangoSettings,
  from: SettingsModule,
  target: SettingsModule,
  depth = 0,
): boolean {
  if (depth > 8) return false;
  return from.stars.some(
    (star) =>
      star.target === target.module ||
      (star.target !== null &&
        settings.byModule.has(star.target) &&
        dependsOn(settings, settings.byModule.get(star.target)!, target, depth + 1)),
  );
}

function topLevelAssignments(module: PyModule): SyntaxNode[] {
  return childrenOf(module.tree.topNode).filter(
    (statement) => statement.name === 'AssignStatement' && statement.firstChild?.name === 'VariableName',
  );
}

function assignedName(module: PyModule, statement: SyntaxNode): string {
  return textOf(module, statement.firstChild!);
}

/** The family's first setting, else the marker setting (`INSTALLED_APPS`), else where the new line goes. */
function pointerFor(module: PyModule, family: DjangoFamily): number {
  const assignments = topLevelAssignments(module);
  const own = assignments.find((statement) => assignedName(module, statement).startsWith(family.prefix));
  const marker = assignments.find((statement) => assignedName(module, statement) === family.marker);
  const anchor = insertionRun(module, family).at(-1);
  return (own ?? marker ?? anchor)?.from ?? 0;
}

/**
 * New settings go after the family's own, else after the neighbouring family's (CSRF beside SESSION), else
 * after the module's last top-level simple statement. The plan groups insertions by container start, so the
 * CSRF family keys its run by the run's end: two families adding a line after the same statement stay two.
 */
function insertionFor(module: PyModule, family: DjangoFamily): CookieSite['insertion'] {
  const run = insertionRun(module, family);
  const last = run.at(-1);
  const open = family.keyRunByEnd ? (last?.to ?? 0) : (run[0]?.from ?? 0);
  return { container: pyStatementsContainer(module, open, run, '{key} = True'), nest: [] };
}

function insertionRun(module: PyModule, family: DjangoFamily): SyntaxNode[] {
  const assignments = topLevelAssignments(module);
  const startsWith = (prefix: string) =>
    assignments.filter((statement) => assignedName(module, statement).startsWith(prefix));
  let run = startsWith(family.prefix);
  for (const neighbour of family.neighbours) if (run.length === 0) run = startsWith(neighbour);
  if (run.length === 0) {
    run = childrenOf(module.tree.topNode).filter(
      (statement) => statement.name === 'AssignStatement' || statement.name === 'ImportStatement',
    );
    // Star imports after the last setting load overrides (`from .custom import *`, `from .local import *`):
    // the new line goes before them, so a person's own value there still wins.
    const lastSetting = run.findLastIndex((statement) => statement.name === 'AssignStatement');
    if (lastSetting >= 0) run = run.slice(0, lastSetting + 1);
  }
  return run;
}
