// A Java file's text without its comments, for the second prefilter stage. Strings stay: `"Set-Cookie"` is
// code. String literals, text blocks (`"""…"""`) and char literals are skipped whole so a `//` inside one is
// not taken for a comment.

/** The text with line and block comments blanked out (line breaks kept), or null when a literal never ends. */
export function javaCodeText(text: string): string | null {
  const parts: string[] = [];
  let kept = 0;
  const stops = /\/\/|\/\*|"""|["']/g;
  for (let stop = stops.exec(text); stop; stop = stops.exec(text)) {
    const at = stop.index;
    let end: number;
    if (stop[0] === '//') {
      end = text.indexOf('\n', at);
      if (end === -1) end = text.length;
    } else if (stop[0] === '/*') {
      end = text.indexOf('*/', at + 2);
      if (end === -1) return null;
      end += 2;
    } else {
      end = stop[0] === '"""' ? textBlockEnd(text, at + 3) : literalEnd(text, at + 1, stop[0]);
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

function textBlockEnd(text: string, from: number): number {
  for (let index = from; index < text.length; index++) {
    if (text[index] === '\\') index++;
    else if (text.startsWith('"""', index)) return index + 3;
  }
  return -1;
}

/** The offset after the literal whose body starts at `from`, or -1 when it never closes on its line. */
function literalEnd(text: string, from: number, quote: string): number {
  for (let index = from; index < text.length; index++) {
    const char = text[index];
    if (char === '\\') index++;
    else if (char === quote) return index + 1;
    else if (char === '\n') return -1;
  }
  return -1;
}
