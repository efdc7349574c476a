// PHP in the scan: each candidate is parsed and its rules run at once; no PHP rule follows an include.
// Ignore comments (`//`, `#` or a block comment) are read from the text, on the line above the site. php.ini
// snippets and Symfony's YAML configuration are read by the rules that know their keys.
import { PHP_RULES } from '../../rules/index.js';
import { mentionsPhpApi } from '../../rules/prefilter.js';
import type { PhpRule } from '../../rules/rule.js';
import { parseSpringYaml } from '../java/spring-yaml.js';
import { PerFileAnalyzer } from '../per-file-analyzer.js';
import type { LanguageSupport } from '../support.js';
import { phpCodeText } from './code-text.js';
import { parsePhpIni } from './ini.js';
import { parsePhp, type PhpModule } from './parse.js';

/** Symfony's configuration: `config/packages/*.yaml` (and per-environment folders), Symfony 3's `app/config/`. */
function isSymfonyConfig(file: string): boolean {
  return /(^|\/)config\/packages\/([\w-]+\/)?[\w.-]+\.ya?ml$|(^|\/)app\/config\/config(_\w+)?\.ya?ml$/.test(
    file,
  );
}

export const phpSupport: LanguageSupport = {
  id: 'php',
  mentionsApi: mentionsPhpApi,
  onlyInProse(_file, text) {
    const code = phpCodeText(text);
    return code !== null && !mentionsPhpApi(code);
  },
  isConfigFile: (file) => file.toLowerCase().endsWith('.ini') || isSymfonyConfig(file),
  createAnalyzer: (context) => new PhpAnalyzer(context, parsePhp, PHP_RULES),
};

class PhpAnalyzer extends PerFileAnalyzer<PhpModule> {
  addConfig(file: string, text: string): void {
    if (file.toLowerCase().endsWith('.ini')) {
      const ini = parsePhpIni(file, text);
      const rules = PHP_RULES.filter(
        (rule): rule is PhpRule & Required<Pick<PhpRule, 'findIniSites'>> => !!rule.findIniSites,
      );
      // Only files that set a session directive are counted as read: most `.ini` files are another tool's.
      if (!ini.directives.some((directive) => directive.key.startsWith('session.'))) return;
      this.collect(file, ini.errorCount, (rule) => rule.findIniSites(ini), rules);
      return;
    }
    const yaml = parseSpringYaml(file, text);
    const rules = PHP_RULES.filter(
      (rule): rule is PhpRule & Required<Pick<PhpRule, 'findYamlSites'>> => !!rule.findYamlSites,
    );
    this.collect(file, yaml.errorCount, (rule) => rule.findYamlSites(yaml), rules);
  }
}
