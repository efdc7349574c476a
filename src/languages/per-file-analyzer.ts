// The analyzer of a language whose rules each read one file (Go, PHP, Java): every candidate is parsed and its
// rules run at once, and the module is let go. `cookie-hardener-ignore` comments are read from the text, on
// the line above the site.
import type { SiteWithRule } from '../fix/plan.js';
import type { CookieSite } from '../model.js';
import type { RuleMeta } from '../rules/rule.js';
import type { AnalyzerContext, LanguageAnalyzer } from './support.js';

interface FileRule<M> {
  meta: RuleMeta;
  findSites(module: M): CookieSite[];
}

export class PerFileAnalyzer<M extends { errorCount: number }> implements LanguageAnalyzer {
  constructor(
    protected readonly context: AnalyzerContext,
    private readonly parse: (file: string, text: string) => M,
    private readonly rules: ReadonlyArray<FileRule<M>>,
  ) {}

  add(file: string, text: string): void {
    const module = this.parse(file, text);
    this.collect(file, module.errorCount, (rule) => rule.findSites(module), this.rules);
  }

  /** Counts a parsed file and adds the sites the enabled `rules` find in it. */
  protected collect<R extends { meta: RuleMeta }>(
    file: string,
    errorCount: number,
    find: (rule: R) => CookieSite[],
    rules: readonly R[],
  ): void {
    const { analysis, config } = this.context;
    analysis.parsed++;
    analysis.errorCounts.set(file, errorCount);
    const found: SiteWithRule[] = [];
    for (const rule of rules) {
      if (config.rules[rule.meta.id] === 'off') continue;
      for (const site of find(rule)) found.push({ site, meta: rule.meta, origin: file });
    }
    analysis.sites.push(...found);
  }

  finish(): void {}

  ignoreSource(): null {
    return null;
  }
}
