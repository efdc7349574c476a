// The text of a language with C's comments (`//` to the end of the line, `/* … */`) without them, for the
// second prefilter stage of Go and Java. Strings stay: `"Set-Cookie"` is code. Every literal is skipped whole
// so a `//` inside one is not taken for a comment.

export interface LiteralSyntax {
  /** Quotes that open a literal ending at the same quote on the same line, `\` escaping. */
  quotes: readonly string[];
  /**
   * Delimiters that open a literal which may span lines and ends at the same delimiter: Go's raw strings
   * (`` ` ``, no escapes), Java's text blocks (`"""`, `\` escaping).
   */
  multiline: ReadonlyArray<{ delimiter: string; escapes: boolean }>;
}

/** The text with comments blanked out (line breaks kept), or null when a literal or a comment never ends. */
export function cLikeCodeText(text: string, syntax: LiteralSyntax): string | null {
  const openers = [...syntax.multiline.map((literal) => literal.delimiter), ...syntax.quotes]
    .map((opener) => opener.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'))
    .join('|');
  const stops = new RegExp(`\\/\\/|\\/\\*|${openers}`, 'g');
  const parts: string[] = [];
  let kept = 0;
  for (let stop = stops.exec(text); stop; stop = stops.exec(text)) {
    const at = stop.index;
    const opener = stop[0];
    let end: number;
    if (opener === '//') {
      end = text.indexOf('\n', at);
      if (end === -1) end = text.length;
    } else if (opener === '/*') {
      end = text.indexOf('*/', at + 2);
      if (end === -1) return null;
      end += 2;
    } else {
      const multiline = syntax.multiline.find((literal) => literal.delimiter === opener);
      end = multiline
        ? multilineEnd(text, at + opener.length, multiline.delimiter, multiline.escapes)
        : quotedEnd(text, at + 1, opener);
      if (end === -1) return null;
      stops.lastIndex = end;
      continue;
    }
    parts.push(text.slice(kept, at), text.slice(at, end).replace(/[^\n]/g, ''));
    kept = end;
    stops.lastIndex = end;
  }
  parts.push(text.slice(kept));
  return parts.join('');
}

function multilineEnd(text: string, from: number, delimiter: string, escapes: boolean): number {
  for (let index = from; index < text.length; index++) {
    if (escapes && text[index] === '\\') index++;
    else if (text.startsWith(delimiter, index)) return index + delimiter.length;
  }
  return -1;
}

/** The offset after the literal whose body starts at `from`, or -1 when it does not close on its line. */
function quotedEnd(text: string, from: number, quote: string): number {
  for (let index = from; index < text.length; index++) {
    const char = text[index];
    if (char === '\\') index++;
    else if (char === quote) return index + 1;
    else if (char === '\n') return -1;
  }
  return -1;
}
