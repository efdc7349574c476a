// Minimal text splices that add entries to an existing list (object literal, dict, argument list) in the
// author's own layout. Nothing outside the splice points changes: no reprinting, no reformatting.
import type { Container, Edit, Span } from '../model.js';
import { insertGoElements } from './go-composite.js';
import { insertChainCalls } from './java-chain.js';
import { insertRubyPairs } from './ruby-hash.js';
import {
  hasLineBreak,
  indentUnitOf,
  indentationAt,
  lineBreakAt,
  lineEndOf,
  lineStartOf,
} from '../languages/text.js';

/**
 * Edits that append `items` (already spelled, e.g. `httpOnly: true`) after the container's last entry, or
 * null when the layout is too unusual to splice safely (the finding is then left for a human).
 */
export function insertEntries(text: string, container: Container, items: readonly string[]): Edit[] | null {
  const { file, open, close, entries } = container;
  const last = entries.at(-1);
  if (items.length === 0) return [];
  if (container.syntax === 'cookie-string') return appendAttributes(text, container, items);
  if (container.syntax === 'go-composite') return insertGoElements(text, container, items);
  if (container.syntax === 'php-array') items = alignArrows(text, container, items);
  if (container.syntax === 'java-chain') return insertChainCalls(text, container, items);
  if (container.syntax === 'cs-expression-body') return blockAround(text, container, items);
  if (container.syntax === 'ruby-arguments' || container.syntax === 'ruby-value')
    return insertRubyPairs(text, container, items);
  if (
    container.syntax === 'py-statements' ||
    container.syntax === 'ini-options' ||
    container.syntax === 'java-statements' ||
    container.syntax === 'cs-statements'
  )
    return last ? insertStatements(text, container, last, items) : null;
  if (!last) return insertIntoEmpty(text, container, items);

  let afterLast = last.end;
  while (text[afterLast] === ' ' || text[afterLast] === '\t') afterLast++;
  const hasTrailingComma = text[afterLast] === ',';
  const afterComma = hasTrailingComma ? afterLast + 1 : last.end;

  if (!hasLineBreak(text, last.end, close)) {
    // One-line layout (or the closer shares the last entry's line): stay on that line.
    if (hasTrailingComma)
      return [{ file, start: afterComma, end: afterComma, text: ` ${items.join(', ')},` }];
    return [{ file, start: last.end, end: last.end, text: `, ${items.join(', ')}` }];
  }

  // One entry per line: new lines after the last entry's line, after any comment that ends it.
  const lineEnd = lineEndOf(text, afterComma);
  const restOfLine = text.slice(afterComma, lineEnd);
  if (/\/\*(?![\s\S]*\*\/)/.test(restOfLine) || /^\s*[^\s/#]/.test(restOfLine)) return null;
  const lineBreak = lineBreakAt(text, last.end);
  const indent =
    lineStartOf(text, last.start) <= open
      ? indentationAt(text, close) + indentUnitOf(text)
      : indentationAt(text, last.start);
  const lines = items.map((item, index) => {
    const comma = hasTrailingComma || index < items.length - 1 ? ',' : '';
    return `${lineBreak}${indent}${item}${comma}`;
  });
  const edits: Edit[] = [];
  if (!hasTrailingComma) edits.push({ file, start: last.end, end: last.end, text: ',' });
  edits.push({ file, start: lineEnd, end: lineEnd, text: lines.join('') });
  return edits;
}

/**
 * New `'key' => value` pairs padded so their `=>` lines up with the others', where every existing pair sits on
 * its own line with its arrow in one column (the layout PHP-CS-Fixer's `align_single_space` keeps).
 */
function alignArrows(text: string, container: Container, items: readonly string[]): readonly string[] {
  if (container.entries.length < 2 || !hasLineBreak(text, container.entries[0]!.start, container.close))
    return items;
  const columns = new Set<number>();
  const lines = new Set<number>();
  let padded = false;
  for (const entry of container.entries) {
    const start = lineStartOf(text, entry.start);
    if (lines.has(start)) return items;
    lines.add(start);
    const source = text.slice(entry.start, entry.end);
    const arrow = source.indexOf('=>');
    if (arrow === -1) return items;
    // Keys of one length with single spaces line up by chance: only wider gaps show the author aligns.
    if (/\s{2,}=>/.test(source)) padded = true;
    columns.add(entry.start - start + arrow);
  }
  if (columns.size !== 1 || !padded) return items;
  const keyWidth = [...columns][0]! - indentationAt(text, container.entries[0]!.start).length - 1;
  return items.map((item) => {
    const key = item.slice(0, item.indexOf(' => '));
    return key.length > keyWidth ? item : key.padEnd(keyWidth) + item.slice(key.length);
  });
}

/**
 * `; Secure` appended inside a cookie string, before its closing quote (`close`); after a trailing `;` only
 * the space is needed. Plain ASCII, so no escaping can go wrong in any quote style.
 */
function appendAttributes(text: string, container: Container, items: readonly string[]): Edit[] | null {
  const before = text.slice(container.open + 1, container.close);
  if (/[\r\n]/.test(before)) return null;
  const joined = items.join('');
  const addition = /;\s*$/.test(before) ? joined.replace(/^;\s*/, before.endsWith(' ') ? '' : ' ') : joined;
  return [{ file: container.file, start: container.close, end: container.close, text: addition }];
}

/** New statements on their own lines after the last one, at its indentation (after a trailing comment). */
function insertStatements(
  text: string,
  container: Container,
  last: Span,
  items: readonly string[],
): Edit[] | null {
  const lastEnd = last.end;
  const lineEnd = lineEndOf(text, lastEnd);
  const rest = text.slice(lastEnd, lineEnd);
  // A C# lambda block on one line (`o => { o.X = 1; }`): the new statements follow the last one on its line.
  if (
    container.syntax === 'cs-statements' &&
    text[container.open] === '{' &&
    !hasLineBreak(text, container.open, container.close)
  )
    return [{ file: container.file, start: lastEnd, end: lastEnd, text: ` ${items.join(' ')}` }];
  const cLike = container.syntax === 'java-statements' || container.syntax === 'cs-statements';
  // `a = 1; b = 2` on one line: leave it. A comment may follow (`#`, or `//` after a Java or C# statement).
  if (cLike ? !/^\s*(?:\/\/.*)?$/.test(rest) : /^\s*[^\s#]/.test(rest)) return null;
  const lineBreak = lineBreakAt(text, lastEnd);
  // A Java or C# statement may go on over several lines (`new Cookie(\n  name, value)`): its first line sets the indent.
  const indent = indentationAt(text, cLike ? last.start : lastEnd);
  const lines = items.map((item) => `${lineBreak}${indent}${item}`).join('');
  return [{ file: container.file, start: lineEnd, end: lineEnd, text: lines }];
}

/**
 * An expression-bodied C# lambda made a block: `o => o.X = 1` becomes `o => { o.X = 1; <items> }` on the
 * body's own lines, so nothing but the two splices changes.
 */
function blockAround(text: string, container: Container, items: readonly string[]): Edit[] | null {
  const { file, open, close } = container;
  if (hasLineBreak(text, open, close)) return null;
  return [
    { file, start: open, end: open, text: '{ ' },
    { file, start: close, end: close, text: `; ${items.join(' ')} }` },
  ];
}

function insertIntoEmpty(text: string, container: Container, items: readonly string[]): Edit[] | null {
  const { file, open, close, syntax } = container;
  const inner = text.slice(open + 1, close);
  if (inner.trim() !== '') return null; // only comments inside: leave it to a human
  if (!inner.includes('\n')) {
    const padding =
      syntax === 'js-object' || syntax === 'cs-initializer' || syntax === 'ruby-hash' ? ' ' : '';
    return [{ file, start: open + 1, end: close, text: `${padding}${items.join(', ')}${padding}` }];
  }
  const lineBreak = lineBreakAt(text, open);
  const indent = indentationAt(text, close) + indentUnitOf(text);
  const trailing = syntax === 'js-object' || syntax === 'py-dict';
  const lines = items.map((item, index) => {
    const comma = trailing || index < items.length - 1 ? ',' : '';
    return `${lineBreak}${indent}${item}${comma}`;
  });
  return [{ file, start: open + 1, end: open + 1, text: lines.join('') }];
}

/** Applies non-overlapping edits to one file's text. Throws on overlap: that is a planning bug. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let result = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor) throw new Error(`overlapping edits at offset ${edit.start}`);
    result += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return result + text.slice(cursor);
}
