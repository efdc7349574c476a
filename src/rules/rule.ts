// What a rule is: one framework API, its real defaults, and a function that finds where its cookie
// options are decided. Rules never write code.
import type { CookieSite, Flag, FlagDefault, Language } from '../model.js';
import type { JsModule } from '../languages/javascript.js';
import type { JsModuleLoader } from '../languages/js-options.js';
import type { IniFile } from '../languages/ini.js';
import type { PyModule, PyModuleLoader } from '../languages/python.js';
import type { GoModule } from '../languages/go/parse.js';
import type { PhpModule } from '../languages/php/parse.js';
import type { JavaModule } from '../languages/java/parse.js';
import type { PropertiesFile } from '../languages/java/properties.js';
import type { WebXmlFile } from '../languages/java/web-xml.js';
import type { PhpIniFile } from '../languages/php/ini.js';
import type { CSharpModule } from '../languages/csharp/parse.js';
import type { RubyModule } from '../languages/ruby/parse.js';

export interface RuleMeta {
  /** `<framework>-<api>`, kebab-case; stable: it appears in reports, ignores and configs. */
  id: string;
  /** Framework id: the key of its facts (defaults, proxy behaviour, notes) in `frameworks.ts`. */
  framework: string;
  language: Language;
  /** The API as people write it, for titles: "res.cookie()". */
  api: string;
  /** One sentence: what the rule checks. */
  description: string;
  /** What the framework does when the key is missing. */
  defaults: Record<Flag, FlagDefault>;
  /** The framework sends SameSite (lax, or hapi's strict) when the option is missing. */
  sameSiteByDefault?: boolean;
  /**
   * The API takes the cookie's name as an argument, so a name the scan cannot read is unknown: the
   * framework's default session-cookie name (its notes' `defaultCookieName`) does not apply.
   */
  namedByCaller?: boolean;
  /**
   * Words one of which every file using this API contains, beyond "ookie" / "OOKIE" (which cover every rule
   * with "cookie" in its API or import): the prefilter skips files that contain none of them.
   */
  mentions?: readonly string[];
  /**
   * Files this rule expects the scan to parse whenever their bytes pass the first prefilter stage (it
   * decides from their raw text whether they were scanned): the comment-aware stage never drops them.
   */
  parsedWhenMentioned?: RegExp;
  /** Adding `secure: true` can break the app here (the `cookies` package throws behind a plain-HTTP hop). */
  neverAddSecure?: boolean;
  /**
   * With `neverAddSecure`: how to get Secure on this framework without the throw, where it is not Koa's
   * `app.proxy = true` (a sentence ending, in Markdown).
   */
  secureWithoutThrow?: string;
  /**
   * What turns Secure on where the framework has a setting that follows each request's scheme and so never
   * loses the cookie over plain HTTP (Symfony's `auto`): written instead of true, whatever the transport.
   */
  secureFollowingRequest?: string;
  /** Browser-side API: HttpOnly cannot exist there. */
  clientSide?: boolean;
  /**
   * Report a Secure that is only automatic (on for requests the server sees as HTTPS) at low severity,
   * without a change: behind a TLS-terminating proxy it silently stays off unless the proxy is trusted.
   */
  reportAutomaticSecure?: boolean;
}

export interface JsRule {
  meta: RuleMeta & { language: 'javascript' };
  findSites(module: JsModule, context: JsRuleContext): CookieSite[];
}

export interface JsRuleContext {
  load: JsModuleLoader;
  /** Every file of the scan (relative, forward slashes), for code that loads a whole folder of modules. */
  files?: ReadonlySet<string>;
}

export interface PyRule {
  meta: RuleMeta & { language: 'python' };
  findSites(module: PyModule, context: PyRuleContext): CookieSite[];
  /**
   * The same settings in the framework's INI-style files (`.conf`, `.ini`), for rules whose framework reads
   * them; run once every Python module of the scan is parsed, so a rule can ask which code loads the file.
   */
  findConfigSites?(file: IniFile, context: PyRuleContext): ConfigSite[];
}

export interface GoRule {
  meta: RuleMeta & { language: 'go' };
  findSites(module: GoModule): CookieSite[];
}

export interface PhpRule {
  meta: RuleMeta & { language: 'php' };
  findSites(module: PhpModule): CookieSite[];
  /** The same settings in php.ini or a conf.d snippet. */
  findIniSites?(file: PhpIniFile): CookieSite[];
  /** The same settings in a framework's YAML configuration (Symfony's `config/packages/*.yaml`). */
  findYamlSites?(file: PropertiesFile): CookieSite[];
}

export interface JavaRule {
  meta: RuleMeta & { language: 'java' };
  findSites(module: JavaModule): CookieSite[];
  /** The same settings in a configuration file the framework reads (Spring Boot's `application.properties`). */
  findConfigSites?(file: PropertiesFile): CookieSite[];
  /** The container's session cookie in a deployment descriptor (`WEB-INF/web.xml`). */
  findWebXmlSites?(file: WebXmlFile): CookieSite[];
}

export interface CSharpRule {
  meta: RuleMeta & { language: 'csharp' };
  findSites(module: CSharpModule): CookieSite[];
}

export interface RubyRule {
  meta: RuleMeta & { language: 'ruby' };
  findSites(module: RubyModule): CookieSite[];
}

export interface ConfigSite {
  site: CookieSite;
  /** The Python module that loads the file, when that is why it is judged (it is then scanned again with it). */
  loadedBy?: string;
}

export interface PyRuleContext {
  load: PyModuleLoader;
  /** Every parsed Python module of the scan, for settings that are declared in one file and read in another. */
  project: readonly PyModule[];
}

export type Rule = JsRule | PyRule | GoRule | PhpRule | JavaRule | CSharpRule | RubyRule;
