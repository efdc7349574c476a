// C# in the scan: each candidate is parsed with the WebAssembly grammar, its rules run at once, and its tree
// is deleted before the next file (trees live outside the JavaScript heap). No C# rule follows a `using` into
// another file; the project-wide `CookiePolicyOptions` are read by the evidence index (evidence/cookie-policy.ts).
import { CSHARP_RULES } from '../../rules/index.js';
import { mentionsCSharpApi } from '../../rules/prefilter.js';
import { PerFileAnalyzer } from '../per-file-analyzer.js';
import type { LanguageSupport } from '../support.js';
import { loadGrammars } from '../tree-sitter/runtime.js';
import { csharpCodeText } from './code-text.js';
import { parseCSharp, type CSharpModule } from './parse.js';

export const csharpSupport: LanguageSupport = {
  id: 'csharp',
  mentionsApi: mentionsCSharpApi,
  onlyInProse(_file, text) {
    const code = csharpCodeText(text);
    return code !== null && !mentionsCSharpApi(code);
  },
  createAnalyzer: (context) => new CSharpAnalyzer(context, parseCSharp, CSHARP_RULES),
  prepare: () => loadGrammars(['c_sharp']),
};

class CSharpAnalyzer extends PerFileAnalyzer<CSharpModule> {
  override add(file: string, text: string): void {
    const module = parseCSharp(file, text);
    try {
      this.collect(file, module.errorCount, (rule) => rule.findSites(module), CSHARP_RULES);
    } finally {
      module.tree.delete();
    }
  }
}
