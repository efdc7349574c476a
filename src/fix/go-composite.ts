// New `Key: value` elements in a Go composite literal (`&http.Cookie{…}`), spelled the way gofmt prints them,
// so that a file which passed `gofmt -l` still passes after the fix.
//
// gofmt lines up the values of a block of consecutive `Key: value` lines: each line is padded after `Key:` so
// that every value starts one column past the longest `Key:` of the block. A new, longer key (`HttpOnly`)
// therefore moves the values of every line of the block it joins, and those lines must be re-padded too.
// The block ends at a blank line, a comment on its own line, an element spanning several lines or a line with
// several elements (go/printer breaks the tabwriter section there), and at the braces.
import type { Container, Edit, Span } from '../model.js';
import { indentUnitOf, indentationAt, lineBreakAt, lineEndOf, lineStartOf } from '../languages/text.js';

/** A key longer than this may end the block in go/printer (a size-ratio rule we do not reproduce). */
const SMALL_KEY = 40;

interface Element {
  key: string;
  value: string;
}

/**
 * Edits that add `items` (`HttpOnly: true`) to a keyed composite literal, or null when the literal's layout is
 * one we cannot reproduce gofmt's output for exactly (block comments, a closing brace after the last element…).
 */
export function insertGoElements(
  text: string,
  container: Container,
  items: readonly string[],
): Edit[] | null {
  const { file, open, close, entries } = container;
  const added = items.map(splitElement);
  if (added.some((element) => element === null)) return null;
  const elements = added as Element[];
  if (elements.length === 0) return [];
  if (gapsBetweenEntries(container).some(([from, to]) => text.slice(from, to).includes('/*'))) return null;

  const last = entries.at(-1);
  if (!text.slice(open, close).includes('\n')) {
    // gofmt never aligns within one line.
    const joined = elements.map(({ key, value }) => `${key}: ${value}`).join(', ');
    if (last) return [{ file, start: last.end, end: last.end, text: `, ${joined}` }];
    return [{ file, start: open + 1, end: close, text: joined }];
  }

  const lineBreak = lineBreakAt(text, open);
  if (!last) {
    if (text.slice(open + 1, close).trim() !== '') return null; // only comments inside: leave it to a human
    const indent = indentationAt(text, close) + indentUnitOf(text);
    const lines = alignedLines(
      elements,
      Math.max(...elements.map(({ key }) => width(key))),
      indent,
      lineBreak,
    );
    return [{ file, start: open + 1, end: open + 1, text: lines }];
  }

  // Go needs the comma after the last element when `}` is on a later line; anything else after it on its line
  // (another element, the closing brace) is a layout we leave alone.
  const lineEnd = lineEndOf(text, last.end);
  if (!/^[ \t]*,[ \t]*(\/\/.*)?$/.test(text.slice(last.end, lineEnd))) return null;

  const existing: { span: Span; key: string }[] = [];
  for (const span of alignedBlockBefore(text, entries)) {
    const key = keyOf(text, span);
    if (key === null) return null;
    existing.push({ span, key });
  }
  const keys = [...existing, ...elements].map(({ key }) => width(key));
  if (keys.some((size) => size > SMALL_KEY)) return null;
  const column = Math.max(...keys);

  // Only the padding after `Key:` changes. Trailing comments form their own column, placed from the widths
  // of the values before them, so they move by the same amount as the values and keep their distance.
  const edits: Edit[] = [];
  for (const { span, key } of existing) {
    const colonEnd = span.start + key.length + 1;
    let valueStart = colonEnd;
    while (text[valueStart] === ' ' || text[valueStart] === '\t') valueStart++;
    if (text[valueStart] === '/') return null; // a comment before the value: not a plain cell
    const padding = ' '.repeat(column - width(key) + 1);
    if (text.slice(colonEnd, valueStart) !== padding)
      edits.push({ file, start: colonEnd, end: valueStart, text: padding });
  }
  const indent =
    lineStartOf(text, last.start) <= open
      ? indentationAt(text, close) + indentUnitOf(text)
      : indentationAt(text, last.start);
  edits.push({ file, start: lineEnd, end: lineEnd, text: alignedLines(elements, column, indent, lineBreak) });
  return edits;
}

/** `HttpOnly: true` as its key and value; null when it is not a keyed element. */
function splitElement(item: string): Element | null {
  const match = /^([\p{L}_][\p{L}\p{Nd}_]*):\s*(\S.*)$/u.exec(item.trim());
  return match ? { key: match[1] ?? '', value: match[2] ?? '' } : null;
}

/** The key of an existing element, when it is a plain field name directly followed by its colon. */
function keyOf(text: string, span: Span): string | null {
  return /^([\p{L}_][\p{L}\p{Nd}_]*):/u.exec(text.slice(span.start, span.end))?.[1] ?? null;
}

/** Width as tabwriter counts it: code points, not UTF-16 units. */
function width(key: string): number {
  return Array.from(key).length;
}

/** One line per element, values starting one column past the longest key of the block (`column` wide). */
function alignedLines(
  elements: readonly Element[],
  column: number,
  indent: string,
  lineBreak: string,
): string {
  return elements
    .map(({ key, value }) => `${lineBreak}${indent}${key}:${' '.repeat(column - width(key) + 1)}${value},`)
    .join('');
}

/**
 * The trailing entries that share the new lines' alignment block: each alone on its own line, on one line,
 * and on the line right after the one before it. Empty when the last entry itself does not qualify (it spans
 * several lines or shares its line), since gofmt then starts a new block for the new lines.
 */
function alignedBlockBefore(text: string, entries: readonly Span[]): Span[] {
  const block: Span[] = [];
  for (let index = entries.length - 1; index >= 0; index--) {
    const entry = entries[index] as Span;
    if (!standsAlone(text, entry)) break;
    const below = block[0];
    if (below && lineStartOf(text, below.start) !== text.indexOf('\n', entry.end) + 1) break;
    block.unshift(entry);
  }
  return block;
}

/** One element on its line: nothing before it but indentation, nothing after but its comma and a comment. */
function standsAlone(text: string, entry: Span): boolean {
  const before = text.slice(lineStartOf(text, entry.start), entry.start);
  const after = text.slice(entry.end, lineEndOf(text, entry.end));
  return (
    /^[ \t]*$/.test(before) &&
    !text.slice(entry.start, entry.end).includes('\n') &&
    /^[ \t]*,[ \t]*(\/\/.*)?$/.test(after)
  );
}

/** The text ranges inside the braces that are not entries: separators, layout and comments. */
function gapsBetweenEntries({ open, close, entries }: Container): [number, number][] {
  const gaps: [number, number][] = [];
  let from = open + 1;
  for (const entry of entries) {
    gaps.push([from, entry.start]);
    from = entry.end;
  }
  gaps.push([from, close]);
  return gaps;
}
