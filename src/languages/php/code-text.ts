// A PHP file's text without its comments, for the second prefilter stage. Strings stay: `'secure'` is code.
// Quoted strings are skipped whole so a `//` or `#` inside one is not taken for a comment; heredocs are not
// followed, so a file with one gets null (parsed, to be safe).

/** The text with `//`, `#` and block comments blanked out (line breaks kept), or null when unsure. */
export function phpCodeText(text: string): string | null {
  if (text.includes('<<<')) return null;
  const parts: string[] = [];
  let kept = 0;
  const stops = /\/\/|#(?!\[)|\/\*|["']/g;
  for (let stop = stops.exec(text); stop; stop = stops.exec(text)) {
    const at = stop.index;
    let end: number;
    if (stop[0] === '/*') {
      end = text.indexOf('*/', at + 2);
      if (end === -1) return null;
      end += 2;
    } else if (stop[0] === '"' || stop[0] === "'") {
      end = literalEnd(text, at + 1, stop[0]);
      if (end === -1) return null;
      stops.lastIndex = end;
      continue;
    } else {
      // A line comment ends at the line break or at a closing `?>`, whichever comes first.
      end = text.indexOf('\n', at);
      if (end === -1) end = text.length;
      const close = text.indexOf('?>', at);
      if (close !== -1 && close < end) end = close;
    }
    parts.push(text.slice(kept, at), text.slice(at, end).replace(/[^\n]/g, ''));
    kept = end;
    stops.lastIndex = end;
  }
  parts.push(text.slice(kept));
  return parts.join('');
}

/** The offset after the string whose body starts at `from` (PHP strings may span lines), or -1. */
function literalEnd(text: string, from: number, quote: string): number {
  for (let index = from; index < text.length; index++) {
    const char = text[index];
    if (char === '\\') index++;
    else if (char === quote) return index + 1;
  }
  return -1;
}
