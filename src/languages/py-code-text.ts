// A Python file's text without its comments and docstrings, for the second prefilter stage: prose about an
// "encoding cookie" or a pickled "cookie" object sits in comments and docstrings far more often than a cookie
// API in code. String literals that are values stay: `'Set-Cookie'`, `app.config['SESSION_COOKIE_SECURE']`.
// A single pass over the characters, no tree: it costs a small fraction of a parse.

/** Everything up to the next character that may change what follows: a run the scanner jumps over. */
const PLAIN_RUN = /[^#'"\n()[\]{};\\]*/y;
/** String prefix letters at the end of a run, with what stands before them. */
const PREFIX = /(^|[^\p{L}\p{N}_])([rRbBuUfF]{1,2})$/u;

/**
 * The text with comments and statement-level string literals (docstrings) blanked out, or null when the
 * scanner is unsure (a string left open): the caller then keeps the file, since a wrong answer could only hide
 * a site. Line breaks are kept so nothing else moves.
 */
export function pyCodeText(text: string): string | null {
  const parts: string[] = [];
  let depth = 0;
  let statementStart = true;
  let kept = 0;
  let index = 0;
  const drop = (from: number, to: number): void => {
    parts.push(text.slice(kept, from), text.slice(from, to).replace(/[^\n]/g, ''));
    kept = to;
  };
  while (index < text.length) {
    PLAIN_RUN.lastIndex = index;
    const run = (PLAIN_RUN.exec(text) as RegExpExecArray)[0];
    index += run.length;
    if (index >= text.length) break;
    const char = text[index];
    if (char === "'" || char === '"') {
      const prefixLength = PREFIX.exec(run.slice(-3))?.[2]?.length ?? 0;
      if (/\S/.test(run.slice(0, run.length - prefixLength))) statementStart = false;
      const from = index - prefixLength;
      const quote = text.startsWith(char.repeat(3), index) ? char.repeat(3) : char;
      const end = stringEnd(text, index + quote.length, quote);
      if (end === -1) return null;
      if (statementStart && depth === 0 && endsStatement(text, end)) drop(from, end);
      statementStart = false;
      index = end;
      continue;
    }
    if (/\S/.test(run)) statementStart = false;
    if (char === '#') {
      const end = lineEnd(text, index);
      drop(index, end);
      index = end;
    } else if (char === '\n') {
      if (depth === 0) statementStart = true;
      index++;
    } else if (char === '\\') {
      // A line continuation, or a stray backslash: either way the next character is not a new statement.
      index += text[index + 1] === '\r' && text[index + 2] === '\n' ? 3 : 2;
    } else {
      if (char === '(' || char === '[' || char === '{') depth++;
      else if (char === ')' || char === ']' || char === '}') depth = Math.max(0, depth - 1);
      statementStart = char === ';' && depth === 0;
      index++;
    }
  }
  parts.push(text.slice(kept));
  return parts.join('');
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}

/** The characters that may end a string literal's body or change how the next one is read. */
const STRING_STOP = /[\\\n'"]/g;

/** Where the literal whose body starts at `from` ends (after its closing quotes), or -1 when it never does. */
function stringEnd(text: string, from: number, quote: string): number {
  STRING_STOP.lastIndex = from;
  for (let stop = STRING_STOP.exec(text); stop; stop = STRING_STOP.exec(text)) {
    const index = stop.index;
    if (stop[0] === '\\') STRING_STOP.lastIndex = index + 2;
    else if (stop[0] === '\n') {
      if (quote.length === 1) return -1;
    } else if (text.startsWith(quote, index)) return index + quote.length;
  }
  return -1;
}

/** Whether only blanks and a comment follow `from` on its line: the literal was a statement of its own. */
function endsStatement(text: string, from: number): boolean {
  for (let index = from; index < text.length; index++) {
    const char = text[index];
    if (char === '\n' || char === '#' || char === ';') return true;
    if (char !== ' ' && char !== '\t' && char !== '\r') return false;
  }
  return true;
}
