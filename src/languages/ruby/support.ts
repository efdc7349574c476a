// Ruby in the scan: each candidate is parsed with the WebAssembly grammar (loaded before the scan, see
// tree-sitter/runtime.ts) and its rules run at once; the tree is then freed. No Ruby rule follows a require.
import { RUBY_RULES } from '../../rules/index.js';
import { mentionsRubyApi } from '../../rules/prefilter.js';
import { PerFileAnalyzer } from '../per-file-analyzer.js';
import type { LanguageSupport } from '../support.js';
import { loadGrammars } from '../tree-sitter/runtime.js';
import { rubyCodeText } from './code-text.js';
import { parseRuby, type RubyModule } from './parse.js';

class RubyAnalyzer extends PerFileAnalyzer<RubyModule> {
  override add(file: string, text: string): void {
    const module = parseRuby(file, text);
    try {
      this.collect(file, module.errorCount, (rule) => rule.findSites(module), RUBY_RULES);
    } finally {
      // The tree lives in WebAssembly memory, which is not collected: the sites keep plain offsets only.
      module.tree.delete();
    }
  }
}

export const rubySupport: LanguageSupport = {
  id: 'ruby',
  mentionsApi: mentionsRubyApi,
  onlyInProse(_file, text) {
    const code = rubyCodeText(text);
    return code !== null && !mentionsRubyApi(code);
  },
  createAnalyzer: (context) => new RubyAnalyzer(context, parseRuby, RUBY_RULES),
  prepare: () => loadGrammars(['ruby']),
};
