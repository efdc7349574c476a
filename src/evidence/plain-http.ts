// Plain-HTTP intent: signs that a project deliberately serves (some of) its cookies over plain HTTP, so a
// hard-coded Secure would stop them working. Each fact says how far it reaches (project, file, a few lines
// around, or one cookie name) so the policy can ask about one site.
import { snippet, type Source } from './source.js';
import type { PlainHttpFact } from './types.js';

/** Lines above and below a comment that it speaks for. */
const COMMENT_REACH = 3;

/**
 * Comments saying HTTPS is not there yet, or that Secure broke something. Deliberately specific: "https"
 * alone is in every URL.
 */
const PLAIN_HTTP_COMMENT = new RegExp(
  [
    String.raw`\buntil\b[^\n]{0,30}\b(?:ssl|https|tls|certificate)`,
    String.raw`\b(?:no|without|lacks?|missing)\s+(?:ssl|https|tls)\b`,
    String.raw`\b(?:ssl|https|tls)\b[^\n]{0,20}\b(?:is\s+not|isn't|not)\s+(?:yet\s+)?(?:available|enabled|configured|set\s*up|setup|supported|there|ready|in\s+place|working)`,
    String.raw`\bnot\s+(?:yet\s+)?(?:using|on|behind|serving\s+over|served\s+over|running\s+on)\s+(?:ssl|https|tls)\b`,
    String.raw`\b(?:plain|over|via|only)\s+http\b(?!s)`,
    String.raw`\bhttp[\s-]only\s+(?:deployments?|servers?|sites?|setups?)`,
    String.raw`\b(?:secure|https)\b[^\n]{0,40}\b(?:breaks?|broke|broken|doesn'?t\s+work|does\s+not\s+work|won'?t\s+work|stops?\s+working|fails?)\b`,
    String.raw`\bcreates?\s+a\s+new\s+session\s+(?:every|each|on\s+every)`,
    String.raw`\b(?:when|once|after)\s+(?:we\s+)?(?:have|get|add|enable|move\s+to|switch\s+to)\s+(?:ssl|https|tls)\b`,
    String.raw`\bbefore\s+(?:ssl|https|tls)\b`,
    String.raw`\btodo\b[^\n]{0,40}\b(?:ssl|https|tls)\b`,
  ].join('|'),
  'i',
);

/** Comments near code: their text and where they start. */
function comments(source: Source): Array<{ at: number; text: string }> {
  const found: Array<{ at: number; text: string }> = [];
  const pattern = source.kind === 'python' ? /#[^\n]*/g : /\/\/[^\n]*|\/\*[\s\S]*?\*\//g;
  for (let match = pattern.exec(source.text); match; match = pattern.exec(source.text)) {
    // `//` inside a URL string is not a comment.
    if (
      source.kind !== 'python' &&
      match[0].startsWith('//') &&
      /:$/.test(source.text.slice(match.index - 1, match.index))
    )
      continue;
    if (source.kind === 'python' && !source.inLineComment(match.index + 1)) continue;
    found.push({ at: match.index, text: match[0] });
  }
  return found;
}

export function findPlainHttp(source: Source): PlainHttpFact[] {
  const facts: PlainHttpFact[] = [];
  if (source.kind === 'python') {
    const redirect = /^[ \t]*SECURE_SSL_REDIRECT[ \t]*=[ \t]*False\b/m.exec(source.text);
    if (redirect) {
      const at = redirect.index + redirect[0].length - redirect[0].trimStart().length;
      facts.push({
        ...source.fact(
          at,
          '`SECURE_SSL_REDIRECT = False` in this settings module: it does not send visitors to HTTPS',
        ),
        kind: 'ssl-redirect-off',
        scope: { kind: 'file' },
      });
    }
  }
  if (source.kind === 'python' || source.kind === 'javascript') {
    if (/ssl|https|tls|secure|session|certificate/i.test(source.text)) {
      for (const comment of comments(source)) {
        const said = PLAIN_HTTP_COMMENT.exec(comment.text);
        if (!said) continue;
        const around = source.linesAround(
          comment.at,
          COMMENT_REACH,
          COMMENT_REACH + countLines(comment.text),
        );
        facts.push({
          ...source.fact(comment.at, `a comment says "${snippet(cleanComment(comment.text), 100)}"`),
          kind: 'comment',
          scope: { kind: 'near', start: around.start, end: around.end },
        });
      }
    }
    const twin = /(['"`])([\w.$:-]+?)([-_.](?:un|in)secure)\1/gi;
    for (let match = twin.exec(source.text); match; match = twin.exec(source.text)) {
      const lineStart = source.text.lastIndexOf('\n', match.index) + 1;
      const lineEnd = source.text.indexOf('\n', match.index);
      const line = source.text.slice(lineStart, lineEnd === -1 ? source.text.length : lineEnd);
      if (!/cookie|session|name/i.test(line) || source.inLineComment(match.index)) continue;
      const base = match[2]!;
      facts.push({
        ...source.fact(
          match.index,
          `the cookie \`${base}${match[3]}\` is a plain-HTTP twin of \`${base}\`: the project serves it without HTTPS too`,
        ),
        kind: 'insecure-twin',
        scope: { kind: 'cookie', name: base },
      });
    }
  }
  return facts;
}

function countLines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
  return count;
}

function cleanComment(text: string): string {
  return text
    .replace(/^\s*(?:\/\/+|\/\*+|#+)\s*/, '')
    .replace(/\*+\/\s*$/, '')
    .replace(/^\s*\*\s?/gm, '');
}

export interface ServerInput {
  sources: readonly Source[];
  /** A package.json `bin`, a console script: the project is a tool people run on their machine. */
  isLocalTool: boolean;
  /** Proxy trust or proxy hints were found: the app expects TLS in front of it. */
  behindProxy: boolean;
  /** Optional TLS was found: HTTPS is a choice, not absent. */
  hasTlsOption: boolean;
}

const HTTP_SERVER: Record<'javascript' | 'python', RegExp> = {
  javascript: /\bhttp\.createServer\(|(?<![\w$])(?:app|server)\.listen\(/,
  python: /\bHTTPServer\(|\b(?:app|application)\.(?:run|listen)\(|\bmake_server\(|\bserve_forever\(/,
};
const TLS_ANYWHERE =
  /\bhttps\.createServer\(|\bcreateSecureServer\(|\bssl_context\b|\bssl_options\b|\bcertfile\b|\bkeyfile\b|\bssl_certfile\b|--cert\b|\bwrap_socket\(|\bSSLContext\(|\bcert\s*:\s*(?:fs\.)?readFileSync/;

/**
 * A local tool whose server binds plain HTTP and offers no TLS at all: its cookies can never be Secure.
 * Only for projects that look like a tool people run locally (a `bin`, a console script), never for an app
 * that is probably deployed behind a TLS proxy.
 */
export function findHttpOnlyServer(input: ServerInput): PlainHttpFact[] {
  if (!input.isLocalTool || input.behindProxy || input.hasTlsOption) return [];
  let server: PlainHttpFact | null = null;
  for (const source of input.sources) {
    if (source.kind !== 'javascript' && source.kind !== 'python') continue;
    if (TLS_ANYWHERE.test(source.text)) return [];
    if (server) continue;
    const match = HTTP_SERVER[source.kind].exec(source.text);
    if (match && !source.inLineComment(match.index)) {
      server = {
        ...source.fact(
          match.index,
          `\`${snippet(match[0])}…\` serves plain HTTP and the project, a local tool, has no TLS option`,
        ),
        kind: 'http-only-server',
        scope: { kind: 'project' },
      };
    }
  }
  return server ? [server] : [];
}
