// New calls in a Java builder chain, spliced in just before its final call (`.build()`), the chain's layout
// kept: where the final call starts its own line, each new call gets a line of its own at that indentation;
// otherwise they join the final call's line.
import type { Container, Edit } from '../model.js';
import { lineBreakAt, lineStartOf } from '../languages/text.js';

export function insertChainCalls(
  text: string,
  container: Container,
  items: readonly string[],
): Edit[] | null {
  const { file, close } = container;
  if (text[close] !== '.') return null;
  const lineStart = lineStartOf(text, close);
  const before = text.slice(lineStart, close);
  if (/^[ \t]*$/.test(before)) {
    const lineBreak = lineBreakAt(text, close);
    return [
      {
        file,
        start: lineStart,
        end: lineStart,
        text: items.map((item) => `${before}${item}${lineBreak}`).join(''),
      },
    ];
  }
  return [{ file, start: close, end: close, text: items.join('') }];
}
