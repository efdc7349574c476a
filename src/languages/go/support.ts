// Go in the scan: each candidate is parsed and its rules run at once; no Go rule follows an import.
import { GO_RULES } from '../../rules/index.js';
import { mentionsGoApi } from '../../rules/prefilter.js';
import { PerFileAnalyzer } from '../per-file-analyzer.js';
import type { LanguageSupport } from '../support.js';
import { goCodeText } from './code-text.js';
import { parseGo } from './parse.js';

export const goSupport: LanguageSupport = {
  id: 'go',
  mentionsApi: mentionsGoApi,
  onlyInProse(_file, text) {
    const code = goCodeText(text);
    return code !== null && !mentionsGoApi(code);
  },
  createAnalyzer: (context) => new PerFileAnalyzer(context, parseGo, GO_RULES),
};
