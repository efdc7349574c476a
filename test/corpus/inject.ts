// Cookie sites injected into copies of real files, so the fixer meets the formatting of thousands of real
// authors instead of our own fixtures. The options are the file's own first object literal (JS) or dict
// display (Python), copied byte for byte, so their indentation, comments, quotes and trailing commas are the
// file's. The call goes at a statement boundary, spelled with the file's own line ending.
import type { SyntaxNode } from '@lezer/common';
import type { JsNode } from '../../src/languages/javascript.js';
import { dictEntriesOf, type PyModule } from '../../src/languages/python.js';
import { lineBreakOf, lineStartOf } from '../../src/languages/text.js';

export type Placement = 'end' | 'middle';

export interface Injection {
  placement: Placement;
  /** The file with the cookie call added. */
  text: string;
  /** Where the added statement starts and ends in `text`. */
  start: number;
  end: number;
  /** Where the copied options start in `text`. */
  optionsStart: number;
  /**
   * Why the engine may rightly leave the injected site unfixed (a spread, a flag already spelled out, a key it
   * cannot read); null when a fix of both flags is expected.
   */
  excuse: string | null;
}

/** The injected statement's two halves around the copied options. */
const JS_CALL = ["res.cookie('session', token, ", ');'] as const;
const PY_CALL = ['self.set_cookie("session", token, **', ')'] as const;

/** AST keys that hold no child nodes (or hold comments, which babel also attaches elsewhere). */
const SKIPPED_KEYS = new Set([
  'loc',
  'tokens',
  'comments',
  'leadingComments',
  'trailingComments',
  'innerComments',
  'extra',
  'original',
]);

/** The object literal with at least one property that starts first in the file. */
export function firstJsObject(program: JsNode): JsNode | null {
  let best: JsNode | null = null;
  const seen = new Set<object>();
  // An explicit stack: real files nest deeper than the call stack allows.
  const pending: unknown[] = [program];
  while (pending.length > 0) {
    const value = pending.pop();
    if (!value || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      pending.push(...value);
      continue;
    }
    const node = value as Record<string, unknown>;
    if (
      node.type === 'ObjectExpression' &&
      Array.isArray(node.properties) &&
      node.properties.length > 0 &&
      typeof node.start === 'number' &&
      (best === null || node.start < best.start)
    ) {
      best = node;
    }
    for (const [key, child] of Object.entries(node)) {
      if (!SKIPPED_KEYS.has(key) && child && typeof child === 'object') pending.push(child);
    }
  }
  return best;
}

/** Express spells the flags `httpOnly` and `secure`. */
function jsExcuse(object: JsNode): string | null {
  for (const property of object.properties as JsNode[]) {
    if (property.type === 'SpreadElement') return 'the options have a spread';
    if (property.computed) return 'the options have a computed key';
    const key = property.key;
    const name = key?.type === 'Identifier' ? key.name : typeof key?.value === 'string' ? key.value : null;
    if (name === 'httpOnly' || name === 'secure') return `the options already set \`${name}\``;
  }
  return null;
}

/** Tornado spells the flags `httponly` and `secure` (case-insensitively in its cookie morsel). */
function pyExcuse(module: PyModule, dict: SyntaxNode): string | null {
  for (const entry of dictEntriesOf(module, dict)) {
    if (entry.splat) return 'the options have a ** splat';
    if (entry.key === null) return 'the options have a key that is not a string literal';
    if (/^(httponly|secure)$/i.test(entry.key)) return `the options already set \`${entry.key}\``;
  }
  return null;
}

/** The first dict display with at least one entry, in source order. */
export function firstPyDict(module: PyModule): SyntaxNode | null {
  let found: SyntaxNode | null = null;
  module.tree.iterate({
    enter(node) {
      if (found) return false;
      if (node.name !== 'DictionaryExpression') return undefined;
      if (dictEntriesOf(module, node.node).length > 0) {
        found = node.node;
        return false;
      }
      return undefined;
    },
  });
  return found;
}

function splice(
  text: string,
  at: number,
  statement: readonly [string, string],
  options: string,
): Omit<Injection, 'placement' | 'excuse'> {
  const eol = lineBreakOf(text);
  // At the end of a file without a final line break, the statement needs its own line.
  const lead = at === text.length && at > 0 && !text.endsWith('\n') && !text.endsWith('\r') ? eol : '';
  const added = `${statement[0]}${options}${statement[1]}`;
  return {
    text: `${text.slice(0, at)}${lead}${added}${eol}${text.slice(at)}`,
    start: at + lead.length,
    end: at + lead.length + added.length,
    optionsStart: at + lead.length + statement[0].length,
  };
}

/** The injections that fit this file (none when it has no object literal); `program` is babel's. */
export function injectJs(text: string, program: JsNode): Injection[] {
  const object = firstJsObject(program);
  if (!object) return [];
  const options = text.slice(object.start, object.end);
  const excuse = jsExcuse(object);
  const injections: Injection[] = [
    { placement: 'end', excuse, ...splice(text, text.length, JS_CALL, options) },
  ];
  // Between the first two top-level statements, when the second one starts its own line.
  const [first, second] = program.body as JsNode[];
  if (first && second) {
    const lineStart = lineStartOf(text, second.start);
    if (lineStart >= first.end && text.slice(lineStart, second.start).trim() === '') {
      injections.push({ placement: 'middle', excuse, ...splice(text, lineStart, JS_CALL, options) });
    }
  }
  return injections;
}

export function injectPy(module: PyModule): Injection[] {
  const dict = firstPyDict(module);
  if (!dict) return [];
  const text = module.text;
  const options = text.slice(dict.from, dict.to);
  const excuse = pyExcuse(module, dict);
  const injections: Injection[] = [
    { placement: 'end', excuse, ...splice(text, text.length, PY_CALL, options) },
  ];
  // Before the second top-level statement, but after a docstring and `from __future__` imports, which must
  // come first in a module.
  const statements: SyntaxNode[] = [];
  for (let node = module.tree.topNode.firstChild; node; node = node.nextSibling) {
    if (node.name !== 'Comment') statements.push(node);
  }
  let index = 1;
  while (index < statements.length && isPrologue(module, statements[index - 1]!, index - 1)) index++;
  const target = statements[index];
  if (target) {
    const lineStart = lineStartOf(text, target.from);
    const previous = statements[index - 1]!;
    if (lineStart >= previous.to && text.slice(lineStart, target.from) === '') {
      injections.push({ placement: 'middle', excuse, ...splice(text, lineStart, PY_CALL, options) });
    }
  }
  return injections;
}

function isPrologue(module: PyModule, statement: SyntaxNode, index: number): boolean {
  const source = module.text.slice(statement.from, statement.to);
  if (/^from\s+__future__\s+import\b/.test(source)) return true;
  return index === 0 && statement.name === 'ExpressionStatement' && /^[rRbBuU]*("""|'''|"|')/.test(source);
}
