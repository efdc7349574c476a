// Cookie names that browser code reads: such a cookie can never be HttpOnly without breaking the page.
// Found with a light lexer over JavaScript sources and the inline scripts of templates, not a parse: the
// patterns are the read calls of the common browser cookie libraries and of `document.cookie` itself.
import { snippet, type Source } from './source.js';
import type { BrowserReader, ReaderApi } from './types.js';

/** Characters a cookie name may hold here (RFC 6265 token characters, minus the rare punctuation). */
const NAME = String.raw`[A-Za-z0-9_.$:-]+`;
const QUOTED_NAME = String.raw`(?<quote>['"\`])(?<name>${NAME})\k<quote>`;

interface Pattern {
  via: ReaderApi;
  /** A word every match contains: blocks without it are not searched (a fast substring test). */
  needle: string;
  regex: RegExp;
  /** Only in files whose text passes this test (the library is imported). */
  when?: (text: string) => boolean;
  /** Several names in one match (`useCookies(['a', 'b'])`); by default the `name` group is the one name. */
  names?: (group: string) => string[];
  /** Rejects a match from its text (a server-side receiver). */
  reject?: (match: RegExpExecArray, text: string) => boolean;
  describe: (call: string) => string;
  /** What closes the quoted call in the sentence (the match stops after the name). */
  close?: string;
}

const reads = (call: string, library?: string): string =>
  `\`${call}\`${library ? ` (${library})` : ''} reads this cookie in browser code`;

const PATTERNS: Pattern[] = [
  {
    via: 'js-cookie',
    needle: 'Cookie',
    regex: new RegExp(String.raw`(?<![\w$.])Cookies?\.(?:get|getJSON)\(\s*${QUOTED_NAME}\s*[,)]`, 'g'),
    describe: (call) => reads(call, 'js-cookie'),
  },
  {
    via: 'universal-cookie',
    needle: 'ookies.get',
    // The instance is a variable named like `cookies`; `ctx.cookies.get` and `cookies().get` are server APIs.
    regex: new RegExp(String.raw`(?<![\w$.])[A-Za-z_$]*[cC]ookies\.get\(\s*${QUOTED_NAME}\s*[,)]`, 'g'),
    when: (text) => /universal-cookie|react-cookie/.test(text),
    describe: (call) => reads(call, 'universal-cookie'),
  },
  {
    via: 'universal-cookie',
    needle: 'useCookies',
    // react-cookie: `useCookies(['a', 'b'])` subscribes the component to these cookies' values.
    regex: new RegExp(String.raw`(?<![\w$.])useCookies\(\s*\[(?<name>[^\]]*)\]`, 'g'),
    when: (text) => text.includes('react-cookie'),
    close: ')',
    names: (list) => [...list.matchAll(new RegExp(QUOTED_NAME, 'g'))].map((item) => item.groups?.name ?? ''),
    describe: (call) => reads(call, 'react-cookie'),
  },
  {
    via: 'ngx-cookie-service',
    needle: 'ookieService.',
    regex: new RegExp(
      String.raw`(?<![\w$])[A-Za-z_$]*[cC]ookieService\.(?:get|check)\(\s*${QUOTED_NAME}\s*\)`,
      'g',
    ),
    describe: (call) => reads(call, 'ngx-cookie-service'),
  },
  {
    via: 'vue-cookies',
    needle: '$cookies.',
    regex: new RegExp(String.raw`\$cookies\.(?:get|isKey)\(\s*${QUOTED_NAME}\s*\)`, 'g'),
    describe: (call) => reads(call, 'vue-cookies'),
  },
  {
    via: 'jquery-cookie',
    needle: '.cookie(',
    // One argument reads; two or more set.
    regex: new RegExp(String.raw`(?<![\w$])(?:\$|jQuery)\.cookie\(\s*${QUOTED_NAME}\s*\)`, 'g'),
    describe: (call) => reads(call, 'jQuery cookie plugin'),
  },
  {
    via: 'helper',
    needle: 'ookie',
    // A project helper: the name literal comes first (h3 and Hono `getCookie(event, 'x')` read on the server).
    regex: new RegExp(
      String.raw`(?<![\w$])(?:get|read|fetch|load|retrieve|find|parse|lookup)_?[cC]ookie(?:Value|ByName)?\(\s*${QUOTED_NAME}\s*[,)]`,
      'g',
    ),
    reject: (match, text) => SERVER_RECEIVER.test(text.slice(Math.max(0, match.index - 40), match.index)),
    describe: reads,
  },
  {
    via: 'axios-xsrf',
    needle: 'xsrfCookieName',
    regex: new RegExp(String.raw`\bxsrfCookieName['"]?\s*[:=]\s*${QUOTED_NAME}`, 'g'),
    close: '',
    describe: (call) =>
      `axios \`${call}\` makes axios read this cookie in the browser and send it as a header`,
  },
  {
    via: 'angular-xsrf',
    needle: 'cookieName',
    regex: new RegExp(
      String.raw`\b(?:HttpClientXsrfModule\.withOptions|withXsrfConfiguration)\(\s*\{[^}]*?\bcookieName\s*:\s*${QUOTED_NAME}`,
      'g',
    ),
    close: ' })',
    describe: (call) =>
      `Angular \`${call}\` makes HttpClient read this cookie in the browser and send it as a header`,
  },
];

/** The receiver just before a helper call: `req.getCookie('x')` reads on the server. */
const SERVER_RECEIVER =
  /(?<![\w$.])(?:req|request|ctx|context|event|evt|res|response|reply|self|server|handler|c)\.$/;

/** Readers in a JavaScript source, or in the script blocks of a template. */
export function findReaders(source: Source): BrowserReader[] {
  const inTemplate = source.kind === 'template';
  const readers: BrowserReader[] = [];
  for (const block of inTemplate ? scriptBlocks(source.text) : [{ start: 0, text: source.text }]) {
    if (!/ookie|OOKIE|xsrf/i.test(block.text)) continue;
    for (const pattern of PATTERNS) {
      if (!block.text.includes(pattern.needle) || (pattern.when && !pattern.when(source.text))) continue;
      pattern.regex.lastIndex = 0;
      for (let match = pattern.regex.exec(block.text); match; match = pattern.regex.exec(block.text)) {
        const offset = block.start + match.index;
        if (pattern.reject?.(match, block.text) || source.inLineComment(offset)) continue;
        const group = match.groups?.name ?? '';
        const names = pattern.names ? pattern.names(group) : [group];
        const call = snippet(match[0].replace(/\s*[,)]$/, '') + (pattern.close ?? ')'));
        for (const name of names) {
          if (!name) continue;
          readers.push(reader(source, offset, name, pattern.via, pattern.describe(call), inTemplate));
        }
      }
    }
    readers.push(...documentCookieReaders(source, block.start, block.text, inTemplate));
  }
  return readers;
}

function reader(
  source: Source,
  offset: number,
  name: string,
  via: ReaderApi,
  sentence: string,
  inTemplate: boolean,
): BrowserReader {
  const fact = inTemplate ? `${sentence} (an inline script of a template)` : sentence;
  return { ...source.fact(offset, fact), name, via, inTemplate };
}

/**
 * `document.cookie` parsed for a literal name: `.split('; ').find((c) => c.startsWith('csrftoken='))`,
 * `.match(/(^|;)\s*csrftoken=([^;]*)/)`, `cookie.parse(document.cookie).csrftoken`. The names are the tokens
 * followed by `=` inside the string and regex literals of the expression that reads it.
 */
function documentCookieReaders(
  source: Source,
  base: number,
  text: string,
  inTemplate: boolean,
): BrowserReader[] {
  const readers: BrowserReader[] = [];
  const seen = new Set<string>();
  const read = /\bdocument\.cookie\b/g;
  for (let match = read.exec(text); match; match = read.exec(text)) {
    const after = match.index + match[0].length;
    // Writes are not reads: `document.cookie = …`, `document.cookie += …`.
    if (/^\s*\+?=(?!=)/.test(text.slice(after, after + 4))) continue;
    if (source.inLineComment(base + match.index)) continue;
    const end = windowEnd(text, after);
    // Inside a template literal (`\`; ${document.cookie}\``), the expression goes on after its closing backtick.
    const lexFrom = /^\s*\}/.test(text.slice(after, after + 8)) ? text.indexOf('`', after) + 1 || end : after;
    const parsed = /^\s*\)\s*(?:\.([A-Za-z_$][\w$]*)|\[\s*(['"`])([^'"`]+)\2\s*\])/.exec(
      text.slice(after, end),
    );
    const found: Array<{ name: string; at: number }> = [];
    if (parsed) found.push({ name: parsed[1] ?? parsed[3] ?? '', at: after });
    for (const literal of literalsIn(text, lexFrom, end)) {
      const assignment = new RegExp(String.raw`(?<![\w\\$.-])([A-Za-z_][\w.$-]*)(?:\\s\*)?\\?=(?![=>])`, 'g');
      for (let token = assignment.exec(literal.body); token; token = assignment.exec(literal.body)) {
        found.push({ name: token[1] ?? '', at: literal.start });
      }
    }
    for (const { name, at } of found) {
      const key = `${name}@${at}`;
      if (!name || seen.has(key)) continue;
      seen.add(key);
      readers.push(
        reader(
          source,
          base + at,
          name,
          'document.cookie',
          `browser code parses \`document.cookie\` for \`${name}\``,
          inTemplate,
        ),
      );
    }
  }
  return readers;
}

/** The expression reading `document.cookie` ends at a blank line, the next read, or 400 characters. */
function windowEnd(text: string, from: number): number {
  let end = Math.min(text.length, from + 400);
  const blank = text.slice(from, end).search(/\n[ \t]*\r?\n/);
  if (blank !== -1) end = from + blank;
  const next = text.indexOf('document.cookie', from);
  if (next !== -1 && next < end) end = next;
  return end;
}

/** String, template and regex literals between `start` and `end`, found by a small lexer. */
function literalsIn(text: string, start: number, end: number): Array<{ start: number; body: string }> {
  const literals: Array<{ start: number; body: string }> = [];
  let previous = '(';
  for (let index = start; index < end; index++) {
    const char = text[index]!;
    const regexStart = char === '/' && '(,=:[!&|?{};'.includes(previous) && text[index + 1] !== '/';
    if (char === '"' || char === "'" || char === '`' || regexStart) {
      let close = index + 1;
      let inClass = false;
      for (; close < end; close++) {
        const inner = text[close];
        if (inner === '\\') {
          close++;
          continue;
        }
        if (regexStart && inner === '[') inClass = true;
        else if (regexStart && inner === ']') inClass = false;
        else if (inner === char && !inClass) break;
        else if (inner === '\n' && char !== '`') break;
      }
      literals.push({ start: index, body: text.slice(index + 1, close) });
      index = close;
      previous = char;
      continue;
    }
    if (!/\s/.test(char)) previous = char;
  }
  return literals;
}

/** The bodies of a template's `<script>` blocks, with their offsets (JSON and external scripts skipped). */
export function scriptBlocks(text: string): Array<{ start: number; text: string }> {
  const blocks: Array<{ start: number; text: string }> = [];
  const script = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
  for (let match = script.exec(text); match; match = script.exec(text)) {
    if (/\btype\s*=\s*["']?application\/(?:ld\+)?json/i.test(match[1] ?? '')) continue;
    const body = match[2] ?? '';
    if (!body.trim()) continue;
    blocks.push({ start: match.index + match[0].indexOf('>') + 1, text: body });
  }
  return blocks;
}
