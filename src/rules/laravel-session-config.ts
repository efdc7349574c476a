// Laravel's session cookie, decided by the array `config/session.php` returns: `http_only` is on unless it is
// false (`$config['http_only'] ?? true`), and a `secure` left out or null lets Symfony mark the cookie Secure on
// requests it sees as HTTPS, so only an explicit false, or a value read from the environment, is reported.
// `env('KEY', default)` is decided by the deployment: it counts as on only when its default is.
import type { SyntaxNode } from '@lezer/common';
import {
  arrayContainer,
  arrayPairs,
  callArguments,
  phpFlagValue,
  stringValue,
  textOf,
  type PhpModule,
} from '../languages/php/parse.js';
import type { CookieSite, Flag, FlagValue } from '../model.js';
import type { PhpRule } from './rule.js';

const KEYS = { httpOnly: 'http_only', secure: 'secure' } as const;
/** Keys only Laravel's session config has, so a `config/session.php` of another framework is left alone. */
const LARAVEL_KEYS = ['driver', 'http_only', 'same_site', 'expire_on_close'];

export const laravelSessionConfig: PhpRule = {
  meta: {
    id: 'laravel-session-config',
    framework: 'laravel',
    language: 'php',
    api: 'config/session.php',
    description: "Laravel's session cookie settings: secure and http_only in config/session.php.",
    defaults: { httpOnly: 'on', secure: 'auto' },
    mentions: ['http_only', 'same_site', 'SESSION_SECURE_COOKIE'],
  },
  findSites(module) {
    if (!/(?:^|\/)config\/session\.php$/.test(module.file)) return [];
    const array = returnedArray(module);
    if (!array) return [];
    const pairs = new Map<string, SyntaxNode | null>();
    const pairNodes = new Map<string, SyntaxNode>();
    for (const pair of arrayPairs(module, array)) {
      if (pair.key === null) continue;
      pairs.set(pair.key, pair.value);
      pairNodes.set(pair.key, pair.node);
    }
    if (!LARAVEL_KEYS.some((key) => pairs.has(key))) return [];
    const flags = {} as Record<Flag, FlagValue>;
    for (const flag of ['httpOnly', 'secure'] as Flag[]) {
      flags[flag] = pairs.has(KEYS[flag])
        ? laravelFlag(module, pairs.get(KEYS[flag]), flag)
        : { kind: 'absent' };
    }
    // The report points at the first setting that is not on (Secure first), or at the array when none is.
    const weak = (['secure', 'httpOnly'] as Flag[]).find((flag) => {
      const kind = flags[flag].kind;
      return kind !== 'true' && kind !== 'absent';
    });
    const name = stringValue(module, pairs.get('cookie'));
    const container = arrayContainer(module, array);
    const site: CookieSite = {
      ruleId: 'laravel-session-config',
      file: module.file,
      offset: (weak && pairNodes.get(KEYS[weak])?.from) ?? array.from,
      cookieNames: name === null ? [] : [name],
      kind: 'session',
      flags,
      keys: { ...KEYS },
      insertion: container ? { container, nest: [] } : null,
      usedAt: [],
      notes: [],
    };
    return [site];
  },
};

/** The array literal of the file's top-level `return [...]`. */
function returnedArray(module: PhpModule): SyntaxNode | null {
  for (let statement = module.tree.topNode.firstChild; statement; statement = statement.nextSibling) {
    if (statement.name !== 'ReturnStatement') continue;
    const value = statement.getChild('ArrayExpression');
    if (value) return value;
  }
  return null;
}

/**
 * What Laravel makes of a value: null is the default (HttpOnly on, Secure following the request), and
 * `env('KEY', default)` is whatever the deployment says, on only when its default is. HttpOnly's env with no
 * default is null, so on too; Secure's is the request-following null, which a production may still need to
 * turn on: it is reported as decided at run time.
 */
function laravelFlag(module: PhpModule, value: SyntaxNode | null | undefined, flag: Flag): FlagValue {
  if (!value) return { kind: 'unknown', reason: 'the value cannot be read' };
  const span = { start: value.from, end: value.to };
  if (/^null$/i.test(textOf(module, value))) return { kind: 'true', span };
  if (value.name === 'CallExpression' && /^\\?env$/i.test(textOf(module, value.firstChild!))) {
    const args = callArguments(module, value);
    const fallback = args?.positional[1];
    const fallbackText = fallback ? textOf(module, fallback) : 'null';
    if (/^true$/i.test(fallbackText) || (flag === 'httpOnly' && /^null$/i.test(fallbackText)))
      return { kind: 'true', span };
    return { kind: 'conditional', span, text: textOf(module, value), devOnly: false };
  }
  return phpFlagValue(module, value);
}
