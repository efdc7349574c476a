// Java in the scan: each candidate is parsed and its rules run at once; no Java rule follows an import. Spring
// Boot's `application.properties` and `application.yml` files are read by the rules that know their keys.
import type { SiteWithRule } from '../../fix/plan.js';
import { JAVA_RULES } from '../../rules/index.js';
import { mentionsJavaApi } from '../../rules/prefilter.js';
import type { AnalyzerContext, LanguageAnalyzer, LanguageSupport } from '../support.js';
import { javaCodeText } from './code-text.js';
import { parseJava } from './parse.js';
import { isSpringConfigFile, parseProperties } from './properties.js';
import { parseSpringYaml } from './spring-yaml.js';

export const javaSupport: LanguageSupport = {
  id: 'java',
  mentionsApi: mentionsJavaApi,
  onlyInProse(_file, text) {
    const code = javaCodeText(text);
    return code !== null && !mentionsJavaApi(code);
  },
  isConfigFile: isSpringConfigFile,
  createAnalyzer: (context) => new JavaAnalyzer(context),
};

class JavaAnalyzer implements LanguageAnalyzer {
  constructor(private readonly context: AnalyzerContext) {}

  add(file: string, text: string): void {
    const { analysis, config } = this.context;
    const module = parseJava(file, text);
    analysis.parsed++;
    analysis.errorCounts.set(file, module.errorCount);
    const found: SiteWithRule[] = [];
    for (const rule of JAVA_RULES) {
      if (config.rules[rule.meta.id] === 'off') continue;
      for (const site of rule.findSites(module)) found.push({ site, meta: rule.meta, origin: file });
    }
    analysis.sites.push(...found);
  }

  addConfig(file: string, text: string): void {
    const { analysis, config } = this.context;
    const properties = /\.ya?ml$/.test(file) ? parseSpringYaml(file, text) : parseProperties(file, text);
    analysis.parsed++;
    analysis.errorCounts.set(file, properties.errorCount);
    const found: SiteWithRule[] = [];
    for (const rule of JAVA_RULES) {
      if (!rule.findConfigSites || config.rules[rule.meta.id] === 'off') continue;
      for (const site of rule.findConfigSites(properties))
        found.push({ site, meta: rule.meta, origin: file });
    }
    analysis.sites.push(...found);
  }

  finish(): void {}

  /** Ignore comments are read from the text, on the line above the site. */
  ignoreSource(): null {
    return null;
  }
}
