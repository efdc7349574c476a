// New pairs for Ruby options written without delimiters of their own: a call's trailing keyword arguments
// without parentheses (`set :sessions, key: 'k'`), and a plain value wrapped into a hash (`cookies[:a] = v`
// becomes `cookies[:a] = { value: v, secure: true }`). A hash in braces or an argument list in parentheses
// goes through the comma-list splice every language shares.
import type { Container, Edit } from '../model.js';
import { hasLineBreak, lineBreakAt, lineEndOf, lineStartOf } from '../languages/text.js';

export function insertRubyPairs(text: string, container: Container, items: readonly string[]): Edit[] | null {
  const { file, open, close, entries } = container;
  if (container.syntax === 'ruby-value') {
    return [
      { file, start: open, end: open, text: '{ value: ' },
      { file, start: close, end: close, text: `, ${items.join(', ')} }` },
    ];
  }
  const last = entries.at(-1);
  if (!last) return null;
  const inline: Edit[] = [{ file, start: last.end, end: last.end, text: `, ${items.join(', ')}` }];
  const previous = entries.at(-2);
  // One pair per line (the last one starting its own line): the new ones follow it, one per line, at its column.
  if (!previous || !hasLineBreak(text, previous.end, last.start)) return inline;
  const lineStart = lineStartOf(text, last.start);
  const indent = text.slice(lineStart, last.start);
  if (indent.trim() !== '' || hasLineBreak(text, last.start, last.end)) return inline;
  const lineEnd = lineEndOf(text, last.end);
  const rest = text.slice(last.end, lineEnd);
  const lineBreak = lineBreakAt(text, last.end);
  if (rest.trim() === '')
    return [
      {
        file,
        start: last.end,
        end: last.end,
        text: items.map((item) => `,${lineBreak}${indent}${item}`).join(''),
      },
    ];
  // A comment ends the line: the comma goes before it and the new pairs on the lines after it.
  if (!/^\s*#/.test(rest)) return inline;
  const lines = items.map(
    (item, index) => `${lineBreak}${indent}${item}${index < items.length - 1 ? ',' : ''}`,
  );
  return [
    { file, start: last.end, end: last.end, text: ',' },
    { file, start: lineEnd, end: lineEnd, text: lines.join('') },
  ];
}
