// PHP in the scan: each candidate is parsed and its rules run at once; no PHP rule follows an include.
import type { SiteWithRule } from '../../fix/plan.js';
import { PHP_RULES } from '../../rules/index.js';
import { mentionsPhpApi } from '../../rules/prefilter.js';
import type { AnalyzerContext, LanguageAnalyzer, LanguageSupport } from '../support.js';
import { phpCodeText } from './code-text.js';
import { parsePhp } from './parse.js';

export const phpSupport: LanguageSupport = {
  id: 'php',
  mentionsApi: mentionsPhpApi,
  onlyInProse(_file, text) {
    const code = phpCodeText(text);
    return code !== null && !mentionsPhpApi(code);
  },
  createAnalyzer: (context) => new PhpAnalyzer(context),
};

class PhpAnalyzer implements LanguageAnalyzer {
  constructor(private readonly context: AnalyzerContext) {}

  add(file: string, text: string): void {
    const { analysis, config } = this.context;
    const module = parsePhp(file, text);
    analysis.parsed++;
    analysis.errorCounts.set(file, module.errorCount);
    const found: SiteWithRule[] = [];
    for (const rule of PHP_RULES) {
      if (config.rules[rule.meta.id] === 'off') continue;
      for (const site of rule.findSites(module)) found.push({ site, meta: rule.meta, origin: file });
    }
    analysis.sites.push(...found);
  }

  finish(): void {}

  /** Ignore comments (`//`, `#` or a block comment) are read from the text, on the line above the site. */
  ignoreSource(): null {
    return null;
  }
}
