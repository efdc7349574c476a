// SameSite, enforced only when the configuration asks for it. Rules read HttpOnly and Secure themselves;
// SameSite is read here, once, from the options container every rule already points at, with the key
// spelled the way the API spells its other flags (sameSite / samesite / isSameSite / SESSION_COOKIE_SAMESITE).
import type { Container, CookieSite, FlagValue, SameSiteValue } from '../model.js';
import type { RuleMeta } from '../rules/rule.js';

export interface SameSiteView {
  /** The key as this API spells it. */
  key: string;
  value: FlagValue;
  /** The framework sets SameSite when the key is missing (Fastify, Remix, SvelteKit, hapi, Django, …). */
  defaultOn: boolean;
}

/** The SameSite key for the API behind a site, derived from how it spells Secure; null where it has none. */
export function sameSiteKeyOf(site: CookieSite): string | null {
  const secure = site.keys.secure;
  // gin sets SameSite with a call of its own (`c.SetSameSite(http.SameSiteLaxMode)`); Go's struct literals
  // spell it as a typed constant, not written yet.
  if (site.file.endsWith('.go')) return site.sameSiteCall ? 'SetSameSite' : null;
  if (secure === null) return null;
  // PHP has SameSite only as an options-array key (`samesite`, Laravel's `same_site`), never by position.
  if (site.file.endsWith('.php')) {
    if (site.insertion?.container.syntax !== 'php-array') return null;
    return site.keys.httpOnly === 'http_only' ? 'same_site' : secure === 'secure' ? 'samesite' : null;
  }
  // Java: Spring's builder has `.sameSite("Lax")`; a servlet Cookie has only the generic `setAttribute("SameSite",
  // …)` of Servlet 6 (javax has nothing), which is not written.
  if (site.file.endsWith('.java'))
    return site.insertion?.container.syntax === 'java-chain' ? 'sameSite' : null;
  // C#: `SameSite = SameSiteMode.Lax` is a typed enum, in options and builders alike: not written yet.
  if (site.file.endsWith('.cs')) return null;
  // Ruby: `same_site:` in the options hash (Rack, Rails, rack-session), written as a symbol (see sameSiteLiteral).
  if (isRuby(site.file)) return site.insertion?.container.syntax.startsWith('ruby-') ? 'same_site' : null;
  if (secure === 'https_only') return 'same_site';
  if (/_SECURE$/.test(secure)) return secure.replace(/_SECURE$/, '_SAMESITE');
  if (secure === 'isSecure') return 'isSameSite';
  // Twisted's `addCookie` is the Python API spelled in camel case (`httpOnly`, `sameSite`).
  if (secure === 'secure')
    return site.file.endsWith('.py') && site.keys.httpOnly !== 'httpOnly' ? 'samesite' : 'sameSite';
  return null;
}

export function readSameSite(site: CookieSite, meta: RuleMeta, text: string): SameSiteView | null {
  const key = sameSiteKeyOf(site);
  if (key === null || site.advisory) return null;
  const defaultOn = meta.sameSiteByDefault === true;
  if (site.sameSiteCall) return { key, value: site.sameSiteCall.value, defaultOn };
  const hidden = [site.flags.httpOnly, site.flags.secure].find((value) => value.kind === 'unknown');
  if (hidden) return { key, value: hidden, defaultOn };
  const point = site.insertion;
  if (!point) return { key, value: { kind: 'unknown', reason: 'the options cannot be read' }, defaultOn };
  if (point.nest.length > 0 || point.container.syntax === 'js-arguments') {
    return { key, value: { kind: 'absent' }, defaultOn };
  }
  if (point.container.syntax === 'cookie-string') {
    const literal = text.slice(point.container.open, point.container.close + 1);
    const match = /;\s*samesite\s*=\s*(\w*)/i.exec(literal);
    if (!match) return { key, value: { kind: 'absent' }, defaultOn };
    const span = { start: point.container.open, end: point.container.close + 1 };
    const word = (match[1] ?? '').toLowerCase();
    if (word === 'lax' || word === 'strict') return { key, value: { kind: 'true', span }, defaultOn };
    return { key, value: { kind: 'conditional', span, text: match[0], devOnly: true }, defaultOn };
  }
  return { key, value: readEntries(point.container, key, text), defaultOn };
}

/** Finds `key` among the container's entries by their text: `sameSite: 'lax'`, `samesite="Lax"`, … */
function readEntries(container: Container, key: string, text: string): FlagValue {
  const lowered = key.toLowerCase();
  let found: FlagValue = { kind: 'absent' };
  for (const entry of container.entries) {
    const source = text.slice(entry.start, entry.end);
    if (/^\s*(\.\.\.|\*\*)/.test(source)) {
      // A spread the rule resolved still hides its SameSite from this textual reading.
      found = { kind: 'unknown', reason: 'a spread may set it' };
      continue;
    }
    const match = ENTRY[container.syntax].exec(source);
    if (!match || match[1]?.toLowerCase() !== lowered) continue;
    const valueText = match[2] ?? '';
    const start = entry.start + source.lastIndexOf(valueText);
    found = classify(valueText, { start, end: start + valueText.length }, container.file);
  }
  return found;
}

/** Key and value of one entry, per syntax (the key's own quotes, if any, are dropped). */
const ENTRY: Record<Container['syntax'], RegExp> = {
  'js-object': /^\s*['"]?([\w$]+)['"]?\s*:\s*([\s\S]*?)\s*$/,
  'js-arguments': /^(?!)/,
  'py-dict': /^\s*['"](\w+)['"]\s*:\s*([\s\S]*?)\s*$/,
  'py-arguments': /^\s*(\w+)\s*=\s*([\s\S]*?)\s*$/,
  // `KEY = v`, `app.config["KEY"] = v`, and a morsel's `jar[name]["key"] = v`.
  'py-statements':
    /^\s*(?:[\w.]+(?:\[[^\]\n]*\])*\[\s*['"])?(\w+)(?:['"]\s*\])?\s*(?::[^=]+)?=\s*([\s\S]*?)\s*$/,
  'cookie-string': /^(?!)/,
  'go-composite': /^\s*(\w+)\s*:\s*([\s\S]*?)\s*$/,
  'php-array': /^\s*['"](\w+)['"]\s*=>\s*([\s\S]*?)\s*$/,
  'php-arguments': /^(?!)/,
  'php-named-arguments': /^(?!)/,
  'ini-options': /^\s*([\w.]+)\s*[=:]\s*([\s\S]*?)\s*$/,
  // Servlet cookies have no SameSite here (`sameSiteKeyOf` is null for them); a builder call is `.sameSite("Lax")`.
  'java-statements': /^(?!)/,
  'java-chain': /^\s*\.(\w+)\(\s*([\s\S]*?)\s*\)\s*$/,
  // C# has no SameSite here yet (`sameSiteKeyOf` is null for .cs files).
  'cs-initializer': /^(?!)/,
  'cs-statements': /^(?!)/,
  'cs-arguments': /^(?!)/,
  'cs-expression-body': /^(?!)/,
  // `same_site: :lax`, `:same_site => :lax`, `'same_site' => 'Lax'`; not `Rack::Session::Cookie` or `:cookie_store`.
  'ruby-hash': /^\s*[:'"]?(\w+)['"]?\s*(?::(?!:)|=>)\s*([\s\S]*?)\s*$/,
  'ruby-arguments': /^\s*[:'"]?(\w+)['"]?\s*(?::(?!:)|=>)\s*([\s\S]*?)\s*$/,
  // A wrapped value has no entries of its own.
  'ruby-value': /^(?!)/,
};

function classify(valueText: string, span: { start: number; end: number }, file: string): FlagValue {
  if (isRuby(file)) return classifyRuby(valueText, span, file);
  const literal = /^(['"`])(\w*)\1$/.exec(valueText);
  if (literal) {
    const value = (literal[2] ?? '').toLowerCase();
    if (value === 'lax' || value === 'strict') return { kind: 'true', span };
    if (value === 'none' || value === '')
      return { kind: 'conditional', span, text: valueText, devOnly: true };
    return { kind: 'conditional', span, text: valueText, devOnly: false };
  }
  if (/^(true|True)$/.test(valueText)) return { kind: 'true', span }; // the cookie package reads true as Strict
  if (/^(false|False|None|null|undefined)$/.test(valueText)) return { kind: 'false', span, file };
  return { kind: 'conditional', span, text: valueText, devOnly: false };
}

function isRuby(file: string): boolean {
  return file.endsWith('.rb') || file.endsWith('.ru');
}

/**
 * Rack's table: `:lax`/`:Lax`/`'Lax'`, `:strict`/`:Strict`/`'Strict'` and `true` (Strict) are on; `:none`,
 * `:None` and `'None'` send the cookie cross-site; `false` and `nil` leave the attribute out. Anything else
 * raises an ArgumentError when the cookie is written, lower-case strings (`'lax'`) included.
 */
function classifyRuby(valueText: string, span: { start: number; end: number }, file: string): FlagValue {
  const word = /^:(\w+)$/.exec(valueText)?.[1] ?? /^(['"])(\w+)\1$/.exec(valueText)?.[2];
  const symbol = valueText.startsWith(':');
  if (word !== undefined) {
    const known = symbol ? /^(?:lax|Lax|strict|Strict|none|None)$/ : /^(?:Lax|Strict|None)$/;
    if (!known.test(word))
      return {
        kind: 'unknown',
        reason: `Rack raises an ArgumentError for \`${valueText}\` when it writes the cookie; write \`:lax\` or \`:strict\``,
      };
    if (/^none$/i.test(word)) return { kind: 'conditional', span, text: valueText, devOnly: true };
    return { kind: 'true', span };
  }
  if (valueText === 'true') return { kind: 'true', span };
  if (valueText === 'false' || valueText === 'nil') return { kind: 'false', span, file };
  return { kind: 'conditional', span, text: valueText, devOnly: false };
}

/** The value as code in the container's language, in the quote style around it. */
export function sameSiteLiteral(
  container: Container,
  key: string,
  value: SameSiteValue,
  text: string,
): string {
  // Rack accepts lower case only as a symbol: `same_site: 'lax'` raises.
  if (container.syntax.startsWith('ruby-')) return `:${value}`;
  const python = container.syntax.startsWith('py');
  // Spring documents and its own session cookie use "Lax"; Java strings take double quotes only.
  if (container.syntax === 'java-chain') return `"${value.charAt(0).toUpperCase()}${value.slice(1)}"`;
  // hapi validates 'Lax'/'Strict'; Python frameworks document "Lax"; Starlette's own default is lowercase.
  const capitalised = key === 'isSameSite' || (python && key !== 'same_site');
  const word = capitalised ? value.charAt(0).toUpperCase() + value.slice(1) : value;
  const around = text.slice(container.open, container.close + 1);
  const singles = (around.match(/'/g) ?? []).length;
  const doubles = (around.match(/"/g) ?? []).length;
  const quote = singles > doubles ? "'" : doubles > singles ? '"' : python ? '"' : "'";
  return `${quote}${word}${quote}`;
}

/** The net/http constant for a SameSite mode (`http.SameSiteLaxMode`), or null without the package in scope. */
export function goSameSiteConstant(httpPackage: string | null, value: SameSiteValue): string | null {
  if (httpPackage === null) return null;
  return `${httpPackage}.SameSite${value.charAt(0).toUpperCase()}${value.slice(1)}Mode`;
}
