// A Ruby file's text without its comment lines, for the second prefilter stage. Only whole-line `#` comments
// and `=begin`…`=end` blocks are blanked: a `#` after code may sit in a regexp (`/#/`), a `%w(#)` list or a
// character literal (`?#`), which this pass does not read. A file whose strings may run over lines (a heredoc,
// a percent literal, a quote left open at the end of a line) gets null: parsed, to be safe.

/** The text with comment lines blanked out (line breaks kept), or null when unsure. */
export function rubyCodeText(text: string): string | null {
  if (/<<[~-]?(?:[A-Za-z_]|['"`])/.test(text) || /%[qQwWiIrsx]?[([{<|!/^]/.test(text)) return null;
  const lines = text.split('\n');
  let inBlock = false;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (inBlock) {
      if (/^=end\b/.test(line)) inBlock = false;
      lines[index] = '';
      continue;
    }
    if (/^=begin\b/.test(line)) {
      inBlock = true;
      lines[index] = '';
      continue;
    }
    if (/^\s*#/.test(line)) {
      lines[index] = '';
      continue;
    }
    if (quoteLeftOpen(line)) return null;
  }
  return inBlock ? null : lines.join('\n');
}

/** Whether a line of code ends inside a quoted string (a `#` outside quotes ends the scan: a comment). */
function quoteLeftOpen(line: string): boolean {
  let quote: string | null = null;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (quote) {
      if (char === '\\') index++;
      else if (char === quote) quote = null;
    } else if (char === '#') return false;
    else if (char === '"' || char === "'" || char === '`') quote = char;
  }
  return quote !== null;
}
