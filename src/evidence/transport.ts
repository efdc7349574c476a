// Transport switches: the values a project already passes as Secure at its own cookie sites
// (`secure=settings.COOKIES_SECURE`, `secure: config.secureCookies`, `SESSION_COOKIE_SECURE = env.bool(…)`),
// where they get their value, whether that value is off when nothing configures it, and whether something
// turns it on in production. Read from the sites the rules found, then from the texts the scan read.
import type { CookieSite, Language } from '../model.js';
import { environmentOfValue } from '../languages/environment-words.js';
import { followsRequestScheme } from './request-scheme.js';
import { snippet, type Source } from './source.js';
import type { EvidenceFact, SwitchDefault, TransportSwitch } from './types.js';

export interface SiteInput {
  site: CookieSite;
  /** Transport switches are read in JavaScript and Python code only. */
  language: Extract<Language, 'javascript' | 'python'>;
}

export interface TransportInput {
  sites: readonly SiteInput[];
  /** JavaScript and Python sources, by file. */
  sources: ReadonlyMap<string, Source>;
  /** Deployment files (compose, Dockerfile, Procfile…), by file. */
  deploy: readonly Source[];
  isTestFile: (file: string) => boolean;
  /**
   * The project module an import names (`./config`, `app.settings`), read on demand when the scan did not
   * read it already (a config module that never says "cookie"); null when it is not in the project.
   */
  loadImport?: (fromFile: string, specifier: string, language: SiteInput['language']) => Source | null;
}

export function findTransportSwitches(input: TransportInput): TransportSwitch[] {
  const byKey = new Map<string, TransportSwitch>();
  // Settings assigned the switch (`SESSION_COOKIE_SECURE = env.bool(…)`): a production module may set them.
  const targets = new Map<TransportSwitch, Set<string>>();
  for (const { site, language } of input.sites) {
    const secure = site.flags.secure;
    if (secure.kind !== 'conditional' || secure.devOnly) continue;
    const file = site.insertion?.container.file ?? site.file;
    const source = input.sources.get(file);
    if (!source || input.isTestFile(file)) continue;
    const expression = secure.text.trim();
    const at =
      source.text.slice(secure.span.start, secure.span.end) === secure.text ? secure.span.start : site.offset;
    const name = switchName(expression);
    const key = `${language}:${name ?? snippet(expression)}`;
    const use = source.fact(at, `this cookie's Secure follows \`${snippet(expression)}\``);
    const target = /^[ \t]*([A-Z][A-Z0-9_]*)[ \t]*=[ \t]*$/m.exec(
      source.text.slice(source.text.lastIndexOf('\n', at - 1) + 1, at),
    )?.[1];
    const known = byKey.get(key);
    if (known && target) targets.get(known)?.add(target);
    if (known) {
      if (!known.uses.some((entry) => entry.file === use.file && entry.line === use.line))
        known.uses.push(use);
      continue;
    }
    const entry: TransportSwitch = {
      name: name ?? snippet(expression),
      expression,
      language,
      uses: [use],
      definition: null,
      default: 'unknown',
      forcedOn: null,
    };
    byKey.set(key, entry);
    targets.set(entry, new Set(target ? [target] : []));
  }
  for (const entry of byKey.values()) describeSwitch(entry, input, targets.get(entry) ?? new Set());
  return [...byKey.values()];
}

/** The name a value is known by: the last member or key, or the environment variable read. */
export function switchName(expression: string): string | null {
  const env =
    /(?:process\.env|import\.meta\.env)\.([A-Za-z_]\w*)/.exec(expression) ??
    /(?:process\.env|os\.environ|environ)\[\s*['"](\w+)['"]\s*\]/.exec(expression) ??
    /(?:getenv|environ\.get|env(?:\.bool|\.str|\.int)?|config|os\.environ\.get)\(\s*['"](\w+)['"]/.exec(
      expression,
    );
  if (env) return env[1] ?? null;
  if (/^app\.get\(\s*['"]env['"]\s*\)/.test(expression)) return 'NODE_ENV';
  const reference =
    /^(?:not\s+|!)?((?:[A-Za-z_$][\w$]*)(?:\.[A-Za-z_$][\w$]*|\[\s*['"][\w$-]+['"]\s*\])*)/.exec(expression);
  if (!reference?.[1]) return null;
  const last = /(?:\.|\[\s*['"])?([\w$-]+)['"]?\s*\]?$/.exec(reference[1]);
  return last?.[1] ?? null;
}

function describeSwitch(entry: TransportSwitch, input: TransportInput, targets: ReadonlySet<string>): void {
  if (followsRequestScheme(entry.expression)) return; // follows each request: nothing is on or off by default
  const first = entry.uses[0]!;
  const fromEnvironment =
    /process\.env|import\.meta\.env|environ|getenv|\benv(?:\.\w+)?\(|config\(|app\.get\(\s*['"]env/.test(
      entry.expression,
    );
  // The default describes the switch itself: a use that negates it (`not DEBUG`, `!process.env.DEV`) gives
  // the cookie the opposite, as it does for a switch defined elsewhere.
  let valueText = entry.expression.replace(/^(?:not\s+|!(?!!)\s*)/, '');
  if (fromEnvironment) {
    entry.definition = {
      ...first,
      fact: definitionSentence(entry.name, valueText, evaluateDefault(valueText)),
    };
  } else {
    const found = findDefinition(entry, input);
    if (found) {
      valueText = found.value;
      entry.definition = {
        ...found.source.fact(
          found.at,
          definitionSentence(entry.name, found.value, evaluateDefault(found.value)),
        ),
      };
    }
  }
  if (!entry.definition) return;
  entry.default = evaluateDefault(valueText);
  entry.forcedOn = productionSwitch(entry, valueText, input, targets);
}

function definitionSentence(name: string, value: string, fallback: SwitchDefault): string {
  const base = `\`${name}\` is set from \`${snippet(value)}\``;
  if (fallback === 'off') return `${base}: off unless the environment or configuration turns it on`;
  if (fallback === 'on') return `${base}: on unless the environment or configuration turns it off`;
  return base;
}

interface Definition {
  source: Source;
  at: number;
  value: string;
}

/** Where the switch's name is given a value: the using file first, then the rest of the same language. */
function findDefinition(entry: TransportSwitch, input: TransportInput): Definition | null {
  const name = escape(entry.name);
  const patterns =
    entry.language === 'python'
      ? [
          new RegExp(String.raw`^[ \t]*(?:self\.)?${name}[ \t]*(?::[^=\n]+)?=(?!=)[ \t]*(.+)$`, 'gm'),
          new RegExp(String.raw`['"]${name}['"][ \t]*\]?[ \t]*[:=](?!=)[ \t]*(.+)$`, 'gm'),
          new RegExp(String.raw`\bdefine\(\s*['"]${name}['"][^\n]*?\bdefault\s*=\s*([^,)\n]+)`, 'gm'),
        ]
      : [
          new RegExp(String.raw`\b(?:const|let|var)[ \t]+${name}[ \t]*(?::[^=\n]+)?=(?!=)[ \t]*(.+)$`, 'gm'),
          new RegExp(String.raw`(?:^|[{,])[ \t]*['"]?${name}['"]?[ \t]*:[ \t]*(.+)$`, 'gm'),
          new RegExp(String.raw`(?:exports|this|config|settings)\.${name}[ \t]*=(?!=)[ \t]*(.+)$`, 'gm'),
        ];
  const using = entry.uses.map((use) => use.file);
  const imported = importedModules(entry, input);
  const ordered = [
    ...imported,
    ...[...input.sources.values()]
      .filter((source) => source.kind === entry.language && !input.isTestFile(source.file))
      .filter((source) => !imported.some((module) => module.file === source.file))
      .sort((a, b) => rank(a.file) - rank(b.file)),
  ];
  function rank(file: string): number {
    return using.includes(file) ? 0 : 1;
  }
  for (const source of ordered) {
    if (!source.text.includes(entry.name)) continue;
    for (const pattern of patterns) {
      pattern.lastIndex = 0;
      for (let match = pattern.exec(source.text); match; match = pattern.exec(source.text)) {
        if (source.inLineComment(match.index + match[0].indexOf(entry.name))) continue;
        const value = valueFrom(source.text, match.index + match[0].length - (match[1] ?? '').length);
        // The use itself (`secure=settings.X`) and the site's own line are not definitions.
        if (!value || (/^(?:settings|config|self|app)\b/.test(value) && value.includes(entry.name))) continue;
        return { source, at: match.index + (match[0].length - match[0].trimStart().length), value };
      }
    }
  }
  return null;
}

/**
 * The modules the first use imports the switch's root name from (`config` in `config.secureCookies`):
 * `import config from './config'`, `const { config } = require('./settings')`, `from app import settings`.
 */
function importedModules(entry: TransportSwitch, input: TransportInput): Source[] {
  const use = entry.uses[0];
  const root = /^(?:not\s+|!)?([A-Za-z_$][\w$]*)/.exec(entry.expression)?.[1];
  if (!use || !root || !input.loadImport) return [];
  const text = input.sources.get(use.file)?.text ?? '';
  const name = escape(root);
  const specifiers: string[] = [];
  const patterns =
    entry.language === 'python'
      ? [
          new RegExp(String.raw`^[ \t]*from[ \t]+([\w.]+)[ \t]+import[ \t]+[^\n]*\b${name}\b`, 'gm'),
          new RegExp(String.raw`^[ \t]*import[ \t]+([\w.]*\b${name})\b`, 'gm'),
        ]
      : [
          new RegExp(
            String.raw`\bimport[ \t]+(?:\*[ \t]+as[ \t]+)?[^;\n]*\b${name}\b[^;\n]*from[ \t]*['"]([^'"]+)['"]`,
            'g',
          ),
          new RegExp(String.raw`\b${name}\b[^=\n]*=[ \t]*require\(\s*['"]([^'"]+)['"]\s*\)`, 'g'),
        ];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) specifiers.push(match[1]!);
  }
  const modules: Source[] = [];
  for (const specifier of specifiers) {
    // `from app import settings` may name the module `app/settings.py` itself.
    const candidates =
      entry.language === 'python' && !specifier.endsWith(root)
        ? [`${specifier}.${root}`, specifier]
        : [specifier];
    for (const candidate of candidates) {
      const module = input.loadImport(use.file, candidate, entry.language);
      if (module && !modules.some((known) => known.file === module.file)) modules.push(module);
    }
  }
  return modules;
}

/** The value expression starting at `from`: to the end of the line, or of its brackets (a few lines at most). */
function valueFrom(text: string, from: number): string {
  let depth = 0;
  let index = from;
  const limit = Math.min(text.length, from + 400);
  for (; index < limit; index++) {
    const char = text[index];
    if (char === '(' || char === '[' || char === '{') depth++;
    else if (char === ')' || char === ']' || char === '}') {
      if (depth === 0) break;
      depth--;
    } else if ((char === '\n' || char === ',' || char === ';') && depth === 0) break;
  }
  return text
    .slice(from, index)
    .replace(/\s+#.*$|\s+\/\/.*$/, '')
    .trim();
}

const TRUE_WORDS = new Set(['true', '1', 'yes', 'on', 'y', 't']);

/** Whether a value is on when the environment and configuration say nothing. */
export function evaluateDefault(value: string): SwitchDefault {
  const text = value.trim();
  if (/^(?:True|true|!0)$/.test(text)) return 'on';
  if (/^(?:False|false|None|null|undefined|0|!1)$/.test(text)) return 'off';
  // `app.get('env')` is 'development' unless NODE_ENV says otherwise.
  const expressEnv = /app\.get\(\s*['"]env['"]\s*\)\s*(===?|!==?)\s*['"](\w+)['"]/.exec(text);
  if (expressEnv) return compare('development', expressEnv[1]!, expressEnv[2]!);
  // JavaScript: an unset variable is undefined.
  const jsEnv = /(?:process\.env|import\.meta\.env)(?:\.\w+|\[\s*['"]\w+['"]\s*\])/.exec(text);
  if (jsEnv) {
    const rest = text.slice(jsEnv.index + jsEnv[0].length);
    const fallback = /^\s*(?:\?\?|\|\|)\s*(['"]?)(\w+)\1/.exec(rest);
    const compared =
      /^\s*(?:\?\?\s*['"](\w*)['"]\s*)?(?:\.toLowerCase\(\))?\s*(===?|!==?)\s*['"](\w*)['"]/.exec(rest);
    if (compared) return compare(compared[1] ?? '', compared[2]!, compared[3]!);
    if (fallback && !compared) return TRUE_WORDS.has(fallback[2]!.toLowerCase()) ? 'on' : 'off';
    if (/^(?:!!|Boolean\()/.test(text) || rest.trim() === '' || rest.trim() === ')') return 'off';
    return 'unknown';
  }
  // Python: a read with a visible default.
  const pyEnv =
    /(?:os\.environ\.get|os\.getenv|environ\.get|getenv|env(?:\.bool|\.str)?|config)\(\s*['"]\w+['"]\s*(?:,\s*(?:default\s*=\s*)?([^,)]+?))?\s*(?:,\s*cast\s*=\s*(\w+))?\s*\)/.exec(
      text,
    );
  if (pyEnv) {
    const raw = (pyEnv[1] ?? 'None').trim();
    const unset = raw.replace(/^['"]|['"]$/g, '');
    const rest = text.slice(pyEnv.index + pyEnv[0].length);
    const compared = /^\s*(?:\.lower\(\)|\.strip\(\))*\s*(==|!=)\s*['"](\w*)['"]/.exec(rest);
    if (compared) return compare(unset.toLowerCase(), compared[1]!, compared[2]!.toLowerCase());
    const member = /^\s*(?:\.lower\(\)|\.strip\(\))*\s*(not\s+in|in)\s*[([{]([^)\]}]*)[)\]}]/.exec(rest);
    if (member) {
      const words = [...member[2]!.matchAll(/['"](\w*)['"]/g)].map((word) => word[1]!.toLowerCase());
      const inside = words.includes(unset.toLowerCase());
      return inside === (member[1] === 'in') ? 'on' : 'off';
    }
    const cast = /env\.bool|cast\s*=\s*bool|^bool\(|strtobool\(/.test(text);
    if (cast) {
      if (raw === 'None' && /env\.bool\(/.test(text) && pyEnv[1] === undefined) return 'unknown';
      return TRUE_WORDS.has(unset.toLowerCase()) ? 'on' : 'off';
    }
    if (raw === 'None' || raw === "''" || raw === '""') return 'off';
    return 'unknown';
  }
  return 'unknown';
}

function compare(unset: string, operator: string, literal: string): SwitchDefault {
  const equal = unset.toLowerCase() === literal.toLowerCase();
  return (operator.startsWith('=') ? equal : !equal) ? 'on' : 'off';
}

/** What turns the switch on in production, or null. */
function productionSwitch(
  entry: TransportSwitch,
  value: string,
  input: TransportInput,
  targets: ReadonlySet<string>,
): EvidenceFact | null {
  const definition = entry.definition!;
  const environment =
    /(?:NODE_ENV|\benv\b['"]?\s*\)?|ENV(?:IRONMENT)?|APP_ENV|FLASK_ENV|DJANGO_ENV)\W{0,6}\s*(===?|==)\s*['"](\w+)['"]/.exec(
      value,
    );
  if (environment && environmentOfValue(environment[2]!) === 'production') {
    return {
      ...definition,
      fact: `\`${snippet(value)}\` is on whenever the environment is \`${environment[2]}\``,
    };
  }
  const variable = switchName(value) ?? entry.name;
  const names = [...new Set([entry.name, variable, ...targets])].map(escape).join('|');
  // A production settings module that sets it.
  const assignment = new RegExp(String.raw`^[ \t]*(?:${names})[ \t]*=[ \t]*(?:True|true)\b`, 'm');
  for (const source of input.sources.values()) {
    if (source.kind !== entry.language || !/(?:^|[/_.-])prod(?:uction)?(?:[/_.-]|$)/.test(source.file))
      continue;
    const match = assignment.exec(source.text);
    if (match) {
      const at = match.index + match[0].length - match[0].trimStart().length;
      return source.fact(at, `\`${snippet(match[0])}\` in the production settings turns it on`);
    }
  }
  // A deployment file that sets the environment variable.
  const setting = new RegExp(
    String.raw`(?:^|[\s"'-])(?:${names})[ \t]*[=:][ \t]*['"]?(?:true|True|TRUE|1|yes|on)\b`,
    'm',
  );
  for (const source of input.deploy) {
    const match = setting.exec(source.text);
    if (match && !source.inLineComment(match.index + 1)) {
      const at = match.index + (match[0].length - match[0].trimStart().length);
      return source.fact(
        at,
        `\`${snippet(match[0].replace(/^[\s"'-]+/, ''))}\` in ${source.file} turns it on`,
      );
    }
  }
  return null;
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
