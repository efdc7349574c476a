// PHP in the scan: each candidate is parsed and its rules run at once; no PHP rule follows an include.
// Ignore comments (`//`, `#` or a block comment) are read from the text, on the line above the site.
import { PHP_RULES } from '../../rules/index.js';
import { mentionsPhpApi } from '../../rules/prefilter.js';
import { PerFileAnalyzer } from '../per-file-analyzer.js';
import type { LanguageSupport } from '../support.js';
import { phpCodeText } from './code-text.js';
import { parsePhp } from './parse.js';

export const phpSupport: LanguageSupport = {
  id: 'php',
  mentionsApi: mentionsPhpApi,
  onlyInProse(_file, text) {
    const code = phpCodeText(text);
    return code !== null && !mentionsPhpApi(code);
  },
  createAnalyzer: (context) => new PerFileAnalyzer(context, parsePhp, PHP_RULES),
};
