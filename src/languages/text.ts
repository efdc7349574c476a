// Small facts about source text that every stage needs: line/column, line endings, indentation.

/** Offsets at which each line starts; index i holds the start of line i + 1. */
export function lineStarts(text: string): readonly number[] {
  // Planning and reporting ask for one file's line table once per cookie site, site after site of the same
  // file: the last table is kept, so a bundle with hundreds of sites is scanned for line breaks once.
  if (text === lastText) return lastStarts;
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  lastText = text;
  lastStarts = starts;
  return starts;
}

let lastText: string | null = null;
let lastStarts: readonly number[] = [0];

/** 1-based line and column of an offset. */
export function lineColumn(starts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
}

export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset of the line break ending the line that holds `offset` (text.length on the last line). */
export function lineEndOf(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  if (newline === -1) return text.length;
  return newline > 0 && text[newline - 1] === '\r' ? newline - 1 : newline;
}

/** The line break the file uses at that line: CRLF files stay CRLF. */
export function lineBreakAt(text: string, offset: number): string {
  const newline = text.indexOf('\n', offset);
  if (newline === -1) return lineBreakOf(text);
  return newline > 0 && text[newline - 1] === '\r' ? '\r\n' : '\n';
}

/** The file's dominant line break. */
export function lineBreakOf(text: string): string {
  const newline = text.indexOf('\n');
  return newline > 0 && text[newline - 1] === '\r' ? '\r\n' : '\n';
}

/** Leading spaces and tabs of the line holding `offset`. */
export function indentationAt(text: string, offset: number): string {
  const start = lineStartOf(text, offset);
  let end = start;
  while (text[end] === ' ' || text[end] === '\t') end++;
  return text.slice(start, end);
}

/** One level of indentation as the file writes it: a tab, or the smallest step of spaces seen. */
export function indentUnitOf(text: string): string {
  let smallest = 0;
  for (const match of text.matchAll(/^([ \t]+)\S/gm)) {
    const indent = match[1] ?? '';
    if (indent.startsWith('\t')) return '\t';
    if (smallest === 0 || indent.length < smallest) smallest = indent.length;
    if (smallest === 2) break;
  }
  return ' '.repeat(smallest || 4);
}

export function hasLineBreak(text: string, from: number, to: number): boolean {
  const newline = text.indexOf('\n', from);
  return newline !== -1 && newline < to;
}

/** An expression for a one-line message: whitespace collapsed, cut with an ellipsis past `max` characters. */
export function abbreviate(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max - 3)}...` : oneLine;
}
