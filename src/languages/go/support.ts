// Go in the scan: each candidate is parsed and its rules run at once; no Go rule follows an import.
import type { SiteWithRule } from '../../fix/plan.js';
import { GO_RULES } from '../../rules/index.js';
import { mentionsGoApi } from '../../rules/prefilter.js';
import type { AnalyzerContext, LanguageAnalyzer, LanguageSupport } from '../support.js';
import { goCodeText } from './code-text.js';
import { parseGo } from './parse.js';

export const goSupport: LanguageSupport = {
  id: 'go',
  mentionsApi: mentionsGoApi,
  onlyInProse(_file, text) {
    const code = goCodeText(text);
    return code !== null && !mentionsGoApi(code);
  },
  createAnalyzer: (context) => new GoAnalyzer(context),
};

class GoAnalyzer implements LanguageAnalyzer {
  constructor(private readonly context: AnalyzerContext) {}

  add(file: string, text: string): void {
    const { analysis, config } = this.context;
    const module = parseGo(file, text);
    analysis.parsed++;
    analysis.errorCounts.set(file, module.errorCount);
    const found: SiteWithRule[] = [];
    for (const rule of GO_RULES) {
      if (config.rules[rule.meta.id] === 'off') continue;
      for (const site of rule.findSites(module)) found.push({ site, meta: rule.meta, origin: file });
    }
    analysis.sites.push(...found);
  }

  finish(): void {}

  /** Ignore comments are read from the text, on the line above the site or the literal's brace. */
  ignoreSource(): null {
    return null;
  }
}
