// Symfony's session cookie, set in FrameworkBundle's YAML (`framework.session.cookie_secure` /
// `cookie_httponly`). Left out, Symfony uses `auto` for Secure (on for requests it sees as HTTPS) and true for
// HttpOnly, so only a value someone wrote can be weak, and nothing is ever inserted. Blocks for the development
// and test environments (`when@dev:`, `config/packages/dev/`) run over plain HTTP on purpose and are not judged.
import { environmentOfValue } from '../languages/environment-words.js';
import type { PropertiesFile, PropertyEntry } from '../languages/java/properties.js';
import type { CookieSite, Flag, FlagValue } from '../model.js';
import type { PhpRule } from './rule.js';

const KEYS: Record<Flag, string> = { httpOnly: 'cookie_httponly', secure: 'cookie_secure' };
const SESSION = 'framework.session.';

export const symfonySessionConfig: PhpRule = {
  meta: {
    id: 'symfony-session-config',
    framework: 'symfony',
    language: 'php',
    api: 'framework.session.cookie_*',
    description:
      "Symfony's session cookie settings (cookie_secure, cookie_httponly) in the FrameworkBundle YAML configuration.",
    defaults: { httpOnly: 'on', secure: 'auto' },
    mentions: ['cookie_secure', 'cookie_httponly'],
    secureFollowingRequest: 'auto',
  },
  findSites() {
    return [];
  },
  findYamlSites(file) {
    const folderEnvironment = /config\/packages\/([\w-]+)\/[^/]+$/.exec(file.file)?.[1];
    if (folderEnvironment !== undefined && environmentOfValue(folderEnvironment) === 'development') return [];
    const sites: CookieSite[] = [];
    // One site per block that sets the flags: the file's own and each `when@<env>:` block outside development.
    const blocks = new Map<string, PropertyEntry[]>();
    for (const entry of file.entries) {
      const scoped = /^when@([\w-]+)\.(.*)$/.exec(entry.key);
      const environment = scoped?.[1] ?? '';
      const key = scoped ? scoped[2]! : entry.key;
      if (!key.startsWith(SESSION)) continue;
      if (environment !== '' && environmentOfValue(environment) === 'development') continue;
      const list = blocks.get(environment) ?? [];
      list.push({ ...entry, key: key.slice(SESSION.length) });
      blocks.set(environment, list);
    }
    for (const entries of blocks.values()) {
      const find = (name: string) => entries.findLast((entry) => entry.key === name) ?? null;
      const httpOnly = find(KEYS.httpOnly);
      const secure = find(KEYS.secure);
      if (!httpOnly && !secure) continue;
      const name = find('name');
      sites.push({
        ruleId: 'symfony-session-config',
        file: file.file,
        offset: Math.min(...[httpOnly, secure].map((entry) => entry?.span.start ?? Infinity)),
        cookieNames: [name && name.value !== '' ? unquote(name.value) : 'PHPSESSID'],
        kind: 'session',
        flags: { httpOnly: flagOf(httpOnly, file, false), secure: flagOf(secure, file, true) },
        keys: { ...KEYS },
        insertion: null,
        usedAt: [],
        notes: [],
      });
    }
    return sites;
  },
};

function unquote(value: string): string {
  return value.replace(/^(["'])(.*)\1$/, '$2');
}

/** YAML booleans as Symfony's config reads them; `auto` is Secure's own safe default; `%env(…)%` is decided per deployment. */
function flagOf(entry: PropertyEntry | null, file: PropertiesFile, secure: boolean): FlagValue {
  if (!entry) return { kind: 'absent' };
  // A quoted `'false'` is a string, which the boolean setting refuses: not a value to rewrite.
  const word = entry.value.trim().toLowerCase();
  if (/["']/.test(file.text[entry.valueSpan.start - 1] ?? '') && /^(true|false|auto)$/.test(word))
    return { kind: 'unknown', reason: `\`${entry.key}\` is a quoted string, not a YAML boolean` };
  if (word === 'true' || (secure && word === 'auto')) return { kind: 'true', span: entry.valueSpan };
  if (word === 'false') return { kind: 'false', span: entry.valueSpan, file: file.file };
  if (word === '~' || word === 'null' || word === '')
    return {
      kind: 'unknown',
      reason: `\`${entry.key}\` is null, which Symfony's configuration does not document for it`,
    };
  return { kind: 'conditional', span: entry.valueSpan, text: entry.value, devOnly: false };
}
