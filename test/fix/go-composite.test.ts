import { spawnSync } from 'node:child_process';
import { parser } from '@lezer/go';
import type { SyntaxNode } from '@lezer/common';
import { describe, expect, it } from 'vitest';
import { insertGoElements } from '../../src/fix/go-composite.js';
import { applyEdits, insertEntries } from '../../src/fix/insert.js';
import type { Container, Span } from '../../src/model.js';

/** The first composite literal of a Go file, as a rule would report it. */
function goComposite(text: string): Container {
  let literal: SyntaxNode | null = null;
  parser.parse(text).iterate({
    enter: ({ name, node }) => {
      if (name === 'LiteralValue' && !literal) literal = node;
      return !literal;
    },
  });
  const node = literal as SyntaxNode | null;
  if (!node) throw new Error('no composite literal');
  const entries: Span[] = node.getChildren('Element').map(({ from, to }) => ({ start: from, end: to }));
  return { file: 'c.go', syntax: 'go-composite', open: node.from, close: node.to - 1, entries, keyQuote: '' };
}

function insert(text: string, items: string[]): string | null {
  const edits = insertEntries(text, goComposite(text), items);
  return edits && applyEdits(text, edits);
}

/** A whole Go file around one literal, so gofmt can judge it. */
const file = (literal: string) => `package p\n\nvar c = ${literal.trim()}\n`;

const httpOnly = ['HttpOnly: true'];

// Every input is gofmt-clean; every output is what gofmt prints for the same elements.
const cases: Array<[string, string, string[], string]> = [
  [
    'one line',
    `&http.Cookie{Name: "a", Value: v}`,
    httpOnly,
    `&http.Cookie{Name: "a", Value: v, HttpOnly: true}`,
  ],
  ['empty', `http.Cookie{}`, ['HttpOnly: true', 'Secure: true'], `http.Cookie{HttpOnly: true, Secure: true}`],
  [
    'short keys re-padded to the new key',
    `
&http.Cookie{
\tName:  "sid",
\tValue: v,
}`,
    httpOnly,
    `
&http.Cookie{
\tName:     "sid",
\tValue:    v,
\tHttpOnly: true,
}`,
  ],
  [
    'a blank line ends the block: only the last block moves',
    `
&http.Cookie{
\tName:  "sid",
\tValue: v,

\tPath: "/",
}`,
    httpOnly,
    `
&http.Cookie{
\tName:  "sid",
\tValue: v,

\tPath:     "/",
\tHttpOnly: true,
}`,
  ],
  [
    'a comment on its own line ends the block',
    `
&http.Cookie{
\tName:  "sid",
\tValue: v,
\t// only over HTTPS
\tPath: "/",
}`,
    httpOnly,
    `
&http.Cookie{
\tName:  "sid",
\tValue: v,
\t// only over HTTPS
\tPath:     "/",
\tHttpOnly: true,
}`,
  ],
  [
    'trailing comments move with the values, keeping their own column',
    `
&http.Cookie{
\tName:  "sid",         // the session
\tValue: newToken(ctx), // random
\tPath:  "/",
}`,
    httpOnly,
    `
&http.Cookie{
\tName:     "sid",         // the session
\tValue:    newToken(ctx), // random
\tPath:     "/",
\tHttpOnly: true,
}`,
  ],
  [
    'after a trailing comment on the last line',
    `
&http.Cookie{
\tName:  "sid",
\tValue: v, // random
}`,
    httpOnly,
    `
&http.Cookie{
\tName:     "sid",
\tValue:    v, // random
\tHttpOnly: true,
}`,
  ],
  [
    'a value on several lines ends the block',
    `
&http.Cookie{
\tName: "sid",
\tExpires: time.Date(
\t\t2030, 1, 1, 0, 0, 0, 0,
\t\ttime.UTC,
\t),
\tPath: "/",
}`,
    httpOnly,
    `
&http.Cookie{
\tName: "sid",
\tExpires: time.Date(
\t\t2030, 1, 1, 0, 0, 0, 0,
\t\ttime.UTC,
\t),
\tPath:     "/",
\tHttpOnly: true,
}`,
  ],
  [
    'the value on several lines is the last element: the new lines align on their own',
    `
&http.Cookie{
\tName:  "sid",
\tValue: v,
\tExpires: time.Date(
\t\t2030, 1, 1, 0, 0, 0, 0,
\t\ttime.UTC,
\t),
}`,
    ['HttpOnly: true', 'Secure: true'],
    `
&http.Cookie{
\tName:  "sid",
\tValue: v,
\tExpires: time.Date(
\t\t2030, 1, 1, 0, 0, 0, 0,
\t\ttime.UTC,
\t),
\tHttpOnly: true,
\tSecure:   true,
}`,
  ],
  [
    'wider keys already there: nothing re-padded',
    `
fiber.Cookie{
\tName:        "sid",
\tSameSite:    "Lax",
\tPartitioned: true,
}`,
    httpOnly,
    `
fiber.Cookie{
\tName:        "sid",
\tSameSite:    "Lax",
\tPartitioned: true,
\tHttpOnly:    true,
}`,
  ],
  [
    'two items at once',
    `
&http.Cookie{
\tName:  "sid",
\tValue: v,
\tPath:  "/",
}`,
    ['HttpOnly: true', 'Secure: true'],
    `
&http.Cookie{
\tName:     "sid",
\tValue:    v,
\tPath:     "/",
\tHttpOnly: true,
\tSecure:   true,
}`,
  ],
  [
    'a line with several elements ends the block',
    `
&http.Cookie{
\tName: "sid", Value: v,
\tPath: "/",
}`,
    httpOnly,
    `
&http.Cookie{
\tName: "sid", Value: v,
\tPath:     "/",
\tHttpOnly: true,
}`,
  ],
  [
    'the first element on the brace line is not in the block',
    `
&http.Cookie{Name: "sid",
\tValue: v,
}`,
    httpOnly,
    `
&http.Cookie{Name: "sid",
\tValue:    v,
\tHttpOnly: true,
}`,
  ],
];

describe('insertGoElements', () => {
  it.each(cases)('%s', (_name, input, items, output) => {
    expect(insert(file(input), items)).toBe(file(output));
  });

  it('keeps CRLF line breaks', () => {
    const input = file(`&http.Cookie{\n\tName:  "sid",\n\tValue: v,\n}`).replace(/\n/g, '\r\n');
    const output = file(`&http.Cookie{\n\tName:     "sid",\n\tValue:    v,\n\tHttpOnly: true,\n}`);
    expect(insert(input, httpOnly)).toBe(output.replace(/\n/g, '\r\n'));
  });

  it.each([
    ['a block comment between elements', `&http.Cookie{\n\tName: "sid", /* the session */\n\tValue: v,\n}`],
    ['the closing brace after the last element', `&http.Cookie{\n\tName:  "sid",\n\tValue: v}`],
    ['only a comment inside', `&http.Cookie{ /* none yet */ }`],
  ])('leaves %s to a human', (_name, input) => {
    expect(insertGoElements(file(input), goComposite(file(input)), httpOnly)).toBeNull();
  });

  const gofmt = spawnSync('gofmt', ['-l'], { input: '' });
  it.skipIf(gofmt.error !== undefined)('every input and result is gofmt-clean', () => {
    const unformatted = cases.flatMap(([name, input, items]) =>
      [
        [`${name} (input)`, file(input)],
        [`${name} (result)`, insert(file(input), items) ?? ''],
      ]
        .filter(([, text]) => spawnSync('gofmt', ['-l'], { input: text, encoding: 'utf8' }).stdout !== '')
        .map(([label]) => label),
    );
    expect(unformatted).toEqual([]);
  });
});
