// Java in the scan: each candidate is parsed and its rules run at once; no Java rule follows an import. Spring
// Boot's `application.properties` and `application.yml` files, and `web.xml` deployment descriptors, are read
// by the rules that know their keys.
import { JAVA_RULES } from '../../rules/index.js';
import { mentionsJavaApi } from '../../rules/prefilter.js';
import type { JavaRule } from '../../rules/rule.js';
import { PerFileAnalyzer } from '../per-file-analyzer.js';
import type { LanguageSupport } from '../support.js';
import { javaCodeText } from './code-text.js';
import { parseJava, type JavaModule } from './parse.js';
import { isSpringConfigFile, parseProperties } from './properties.js';
import { parseSpringYaml } from './spring-yaml.js';
import { isWebXmlFile, readWebXml } from './web-xml.js';

export const javaSupport: LanguageSupport = {
  id: 'java',
  mentionsApi: mentionsJavaApi,
  onlyInProse(_file, text) {
    const code = javaCodeText(text);
    return code !== null && !mentionsJavaApi(code);
  },
  isConfigFile: (file) => isSpringConfigFile(file) || isWebXmlFile(file),
  createAnalyzer: (context) => new JavaAnalyzer(context, parseJava, JAVA_RULES),
};

class JavaAnalyzer extends PerFileAnalyzer<JavaModule> {
  addConfig(file: string, text: string): void {
    if (isWebXmlFile(file)) {
      const descriptor = readWebXml(file, text);
      const xmlRules = JAVA_RULES.filter(
        (rule): rule is JavaRule & Required<Pick<JavaRule, 'findWebXmlSites'>> => !!rule.findWebXmlSites,
      );
      this.collect(file, descriptor.errorCount, (rule) => rule.findWebXmlSites(descriptor), xmlRules);
      return;
    }
    const properties = /\.ya?ml$/.test(file) ? parseSpringYaml(file, text) : parseProperties(file, text);
    const configRules = JAVA_RULES.filter(
      (rule): rule is JavaRule & Required<Pick<JavaRule, 'findConfigSites'>> => !!rule.findConfigSites,
    );
    this.collect(file, properties.errorCount, (rule) => rule.findConfigSites(properties), configRules);
  }
}
