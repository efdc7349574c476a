// Python in the scan: every candidate is parsed first and the rules run once all are, because settings are
// often declared in one module and read in another; CherryPy and PasteDeploy configuration files are read by
// the same rules.
import { posix } from 'node:path';
import type { SyntaxNode } from '@lezer/common';
import type { SiteWithRule } from '../fix/plan.js';
import { PY_RULES } from '../rules/index.js';
import { mentionsPyApi } from '../rules/prefilter.js';
import type { RuleMeta } from '../rules/rule.js';
import { isIniFile, parseIni, type IniFile } from './ini.js';
import { pyCodeText } from './py-code-text.js';
import { parsePython, type PyModule } from './python.js';
import {
  unanalysable,
  type AnalyzerContext,
  type LanguageAnalyzer,
  type LanguageSupport,
} from './support.js';

export const pythonSupport: LanguageSupport = {
  id: 'python',
  mentionsApi: mentionsPyApi,
  onlyInProse(_file, text) {
    const code = pyCodeText(text);
    return code !== null && !mentionsPyApi(code);
  },
  isConfigFile: isIniFile,
  createAnalyzer: (context) => new PythonAnalyzer(context),
};

class PythonAnalyzer implements LanguageAnalyzer {
  private readonly cache = new Map<string, PyModule | null>();
  private readonly candidates: PyModule[] = [];
  private readonly configs: IniFile[] = [];
  /** Python files whose bytes say `import *`, whatever else they mention. */
  private readonly starImporters = new Set<string>();

  constructor(private readonly context: AnalyzerContext) {}

  private readonly loader = (fromFile: string, dotted: string): PyModule | null => {
    const target = resolvePythonModule(fromFile, dotted, this.context.fileSet);
    return target ? this.load(target) : null;
  };

  private load(file: string): PyModule | null {
    if (this.cache.has(file)) return this.cache.get(file) ?? null;
    const text = this.context.readText(file);
    const module = text === null ? null : parsePython(file, text);
    if (module) {
      this.context.analysis.parsed++;
      this.context.analysis.errorCounts.set(file, module.errorCount);
    }
    this.cache.set(file, module);
    return module;
  }

  see(file: string, content: Buffer | string): void {
    if (content.includes('import *')) this.starImporters.add(file);
  }

  add(file: string, text: string): void {
    const { analysis } = this.context;
    const module = parsePython(file, text);
    analysis.parsed++;
    analysis.errorCounts.set(file, module.errorCount);
    this.cache.set(file, module);
    // The Python grammar rejects some valid code (a bare `yield`, `match`): such files are still read, but
    // sites whose statement holds a parse error are dropped, and verify refuses edits that add errors.
    this.candidates.push(module);
  }

  addConfig(file: string, text: string): void {
    const parsed = parseIni(file, text);
    this.context.analysis.parsed++;
    this.context.analysis.errorCounts.set(file, parsed.errorCount);
    this.configs.push(parsed);
  }

  finish(): void {
    const { analysis, config } = this.context;
    addStarImporters(this.candidates, [...this.starImporters], this.context, (file) => {
      const module = this.load(file);
      if (module) this.candidates.push(module);
      return module;
    });
    const pyContext = { load: this.loader, project: this.candidates };
    for (const module of this.candidates) {
      try {
        const found: SiteWithRule[] = [];
        for (const rule of PY_RULES) {
          if (config.rules[rule.meta.id] === 'off') continue;
          for (const site of rule.findSites(module, pyContext)) {
            const owner = this.cache.get(site.file);
            if (owner && owner.errorCount > 0 && statementHasError(owner, site.offset)) continue;
            found.push({ site, meta: rule.meta as RuleMeta, origin: module.file });
          }
        }
        analysis.sites.push(...found);
      } catch (error) {
        analysis.skipped.push({ file: module.file, reason: unanalysable(error) });
      }
    }
    for (const ini of this.configs) {
      try {
        const found: SiteWithRule[] = [];
        for (const rule of PY_RULES) {
          if (!rule.findConfigSites || config.rules[rule.meta.id] === 'off') continue;
          for (const { site, loadedBy } of rule.findConfigSites(ini, pyContext))
            found.push({ site, meta: rule.meta as RuleMeta, origin: loadedBy ?? ini.file });
        }
        analysis.sites.push(...found);
      } catch (error) {
        analysis.skipped.push({ file: ini.file, reason: unanalysable(error) });
      }
    }
  }

  ignoreSource(file: string) {
    const py = this.cache.get(file);
    return py ? { py } : null;
  }
}

/** A top-level `from x import *`: only those carry every name of a module into another. */
const STAR_IMPORT = /^from[ \t]+([\w.]+)[ \t]+import[ \t]*(?:\*|\([ \t]*\*[ \t]*\))/gm;

/**
 * Makes every module that star-imports a candidate a candidate too, until none is left: such a module carries
 * the candidate's settings on (`settings/prod.py` starting with `from .base import *`) without having to say
 * a cookie word itself, and whether it does must not decide what is found in the module it builds on.
 */
function addStarImporters(
  candidates: readonly PyModule[],
  files: readonly string[],
  context: AnalyzerContext,
  load: (file: string) => PyModule | null,
): void {
  // Nothing to build on: a sweep of a tree without cookie code reads no file twice.
  if (candidates.length === 0) return;
  const known = new Set(candidates.map((module) => module.file));
  const targets = new Map<string, string[]>();
  for (const file of files) {
    if (known.has(file)) continue;
    const text = context.peek(file);
    if (text === null) continue;
    const found: string[] = [];
    for (const match of text.matchAll(STAR_IMPORT)) {
      const target = resolvePythonModule(file, match[1] ?? '', context.fileSet);
      if (target) found.push(target);
    }
    targets.set(file, found);
  }
  for (let added = true; added;) {
    added = false;
    for (const [file, imported] of targets) {
      if (known.has(file) || !imported.some((target) => known.has(target))) continue;
      known.add(file);
      if (load(file)) added = true;
    }
  }
}

/** Whether the statement around `offset` contains a node the parser could not make sense of. */
function statementHasError(module: PyModule, offset: number): boolean {
  let node: SyntaxNode | null = module.tree.resolveInner(offset, 1);
  while (node && !/Statement$|Definition$/.test(node.name) && node.parent) node = node.parent;
  if (!node) return false;
  let broken = false;
  node.toTree().iterate({
    enter(ref) {
      if (ref.type.isError) broken = true;
      return !broken;
    },
  });
  return broken;
}

/** `config.settings` seen from `app/handlers/auth.py`: tries each enclosing folder as a source root. */
export function resolvePythonModule(
  fromFile: string,
  dotted: string,
  files: ReadonlySet<string>,
): string | null {
  const dots = /^\.*/.exec(dotted)?.[0].length ?? 0;
  const parts = dotted.slice(dots).split('.').filter(Boolean);
  const roots: string[] = [];
  if (dots > 0) {
    let folder = posix.dirname(fromFile);
    for (let level = 1; level < dots; level++) folder = posix.dirname(folder);
    roots.push(folder === '.' ? '' : folder);
  } else {
    for (let folder = posix.dirname(fromFile); ; folder = posix.dirname(folder)) {
      roots.push(folder === '.' ? '' : folder);
      if (folder === '.' || folder === '/' || folder === '') break;
    }
  }
  for (const root of roots) {
    const stem = posix.join(root, ...parts);
    for (const candidate of [`${stem}.py`, `${stem}/__init__.py`]) {
      if (files.has(candidate)) return candidate;
    }
  }
  return null;
}
