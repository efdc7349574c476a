// JavaScript and TypeScript in the scan: each candidate is parsed and its rules run at once; a rule may follow
// a relative import into another module, which is parsed on demand.
import { posix } from 'node:path';
import type { SiteWithRule } from '../fix/plan.js';
import { JS_RULES } from '../rules/index.js';
import { mentionsJsApi, parsedWhenMentioned } from '../rules/prefilter.js';
import { jsCodeText } from './js-code-text.js';
import { JsParseError, parseJavaScript, type JsModule } from './javascript.js';
import type { AnalyzerContext, LanguageAnalyzer, LanguageSupport } from './support.js';

export const javascriptSupport: LanguageSupport = {
  id: 'javascript',
  mentionsApi: mentionsJsApi,
  onlyInProse(file, text) {
    if (parsedWhenMentioned(file)) return false;
    const code = jsCodeText(file, text);
    return code !== null && !mentionsJsApi(code);
  },
  createAnalyzer: (context) => new JavaScriptAnalyzer(context),
};

class JavaScriptAnalyzer implements LanguageAnalyzer {
  private readonly cache = new Map<string, JsModule | null>();
  /** Modules parsed once and let go (see `add`): parsing one again is not counted as another file. */
  private readonly released = new Set<string>();

  constructor(private readonly context: AnalyzerContext) {}

  private readonly loader = (fromFile: string, specifier: string): JsModule | null => {
    const target = resolveJsSpecifier(fromFile, specifier, this.context.fileSet);
    return target ? this.load(target) : null;
  };

  private load(file: string): JsModule | null {
    if (this.cache.has(file)) return this.cache.get(file) ?? null;
    const { analysis } = this.context;
    const text = this.context.readText(file);
    let module: JsModule | null = null;
    if (text !== null) {
      try {
        module = parseJavaScript(file, text);
        if (!this.released.has(file)) analysis.parsed++;
        analysis.errorCounts.set(file, module.errorCount);
      } catch (error) {
        analysis.parseFailures.set(file, (error as Error).message);
        module = null;
      }
    }
    this.cache.set(file, module);
    return module;
  }

  add(file: string, text: string): void {
    const { analysis, config } = this.context;
    let module: JsModule;
    try {
      module = parseJavaScript(file, text);
    } catch (error) {
      if (!(error instanceof JsParseError)) throw error;
      analysis.parseFailures.set(file, error.message);
      analysis.skipped.push({
        file,
        reason: `syntax error at line ${error.line}, column ${error.column}: ${error.message}`,
      });
      this.cache.set(file, null);
      return;
    }
    analysis.parsed++;
    analysis.errorCounts.set(file, module.errorCount);
    this.cache.set(file, module);
    const found: SiteWithRule[] = [];
    for (const rule of JS_RULES) {
      if (config.rules[rule.meta.id] === 'off') continue;
      for (const site of rule.findSites(module, { load: this.loader, files: this.context.fileSet }))
        found.push({ site, meta: rule.meta, origin: file });
    }
    analysis.sites.push(...found);
    if (found.length === 0) {
      // A module without a site of its own is let go at once: a sweep would otherwise hold every tree it
      // parsed, and the paths walked in it, to the end (hundreds of MB in a tree of bundles). A rule that
      // follows an import into it, or a site inside it, parses it again.
      this.cache.delete(file);
      this.released.add(file);
    }
  }

  finish(): void {}

  ignoreSource(file: string) {
    const js = this.released.has(file) && !this.cache.has(file) ? this.load(file) : this.cache.get(file);
    return js ? { js } : null;
  }
}

const JS_EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts'];

/** A relative import as Node, bundlers and TypeScript resolve it (`./x.js` may name `./x.ts`). */
export function resolveJsSpecifier(
  fromFile: string,
  specifier: string,
  files: ReadonlySet<string>,
): string | null {
  const base = posix.normalize(posix.join(posix.dirname(fromFile), specifier));
  if (base.startsWith('..')) return null;
  const candidates = [
    base,
    ...JS_EXTENSIONS.map((ext) => base + ext),
    ...JS_EXTENSIONS.map((ext) => `${base}/index${ext}`),
  ];
  const jsExtension = /\.(m|c)?jsx?$/.exec(base);
  if (jsExtension) {
    const stem = base.slice(0, jsExtension.index);
    candidates.push(...['.ts', '.tsx', '.mts', '.cts'].map((ext) => stem + ext));
  }
  return candidates.find((candidate) => files.has(candidate)) ?? null;
}
