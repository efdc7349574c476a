// `cookie-hardener-ignore[: reason]`, applied once to every detected site instead of inside each rule, so a
// new rule honours it without knowing it exists. The comment may sit on the line above the site, above any
// part of the statement that holds it (the call, a nested call, the key the options hang from), above the
// options object, or above a call that uses those options from elsewhere.
import type { CookieSite } from '../model.js';
import type { JsModule, JsNode } from '../languages/javascript.js';
import type { PyModule } from '../languages/python.js';
import { isIniFile } from '../languages/ini.js';
import { lineColumn, lineStarts } from '../languages/text.js';

/** What the scan knows about a file: its parse when it has one, at least its text. */
export type IgnoreSource = { js: JsModule } | { py: PyModule } | { text: string };

export type IgnoreLookup = (file: string) => IgnoreSource | null;

/** The reason of the first ignore comment that covers the site ('' without a reason), or null. */
export function ignoreReasonOf(site: CookieSite, lookup: IgnoreLookup): string | null {
  const anchors: Array<[string, number]> = [[site.file, site.offset]];
  const container = site.insertion?.container;
  if (container) anchors.push([container.file, container.open]);
  for (const [file, offset] of anchors) {
    const reason = reasonNear(lookup(file), file, offset);
    if (reason !== null) return reason;
  }
  for (const place of site.usedAt) {
    const match = /^(.*):(\d+)$/.exec(place);
    if (!match) continue;
    const source = lookup(match[1]!);
    if (!source) continue;
    const reason = reasonAboveLine(textOf(source), starts(source), Number(match[2]), match[1]!);
    if (reason !== null) return reason;
  }
  return null;
}

function reasonNear(source: IgnoreSource | null, file: string, offset: number): string | null {
  if (!source) return null;
  const text = textOf(source);
  const lines = starts(source);
  for (const start of enclosingStarts(source, offset)) {
    const reason = reasonAboveLine(text, lines, lineColumn(lines, start).line, file);
    if (reason !== null) return reason;
  }
  return null;
}

/** `offset` and the starts of the nodes between it and the innermost statement around it. */
function enclosingStarts(source: IgnoreSource, offset: number): number[] {
  const found = [offset];
  if ('js' in source) {
    const path = jsPath(source.js.ast, offset);
    let statement = -1;
    path.forEach((node, index) => {
      if (JS_STATEMENT.test(node.type as string)) statement = index;
    });
    if (statement !== -1) for (const node of path.slice(statement)) found.push(node.start as number);
  } else if ('py' in source) {
    let node = source.py.tree.resolveInner(offset, 1);
    for (;;) {
      found.push(node.from);
      if (PY_STATEMENT.test(node.name) || !node.parent) break;
      node = node.parent;
    }
  }
  return found;
}

const JS_STATEMENT = /Statement$|Declaration$|^Class(?:Private)?(?:Property|Method)$|^ObjectMethod$/;
const PY_STATEMENT = /Statement$|Definition$/;

/** The chain of nodes from the program down to the innermost one that contains `offset`. */
function jsPath(root: JsNode, offset: number): JsNode[] {
  const path: JsNode[] = [];
  let node: JsNode | null = root;
  while (node) {
    path.push(node);
    let next: JsNode | null = null;
    for (const key of Object.keys(node)) {
      if (key === 'leadingComments' || key === 'trailingComments' || key === 'innerComments') continue;
      const value: unknown = node[key];
      const children = Array.isArray(value) ? value : [value];
      for (const child of children as JsNode[]) {
        if (
          child &&
          typeof child === 'object' &&
          typeof child.type === 'string' &&
          typeof child.start === 'number' &&
          child.start <= offset &&
          offset < (child.end as number)
        ) {
          next = child;
          break;
        }
      }
      if (next) break;
    }
    node = next;
  }
  return path;
}

function reasonAboveLine(text: string, lines: readonly number[], line: number, file: string): string | null {
  const previous = line - 2;
  if (previous < 0) return null;
  const lineText = text.slice(lines[previous], lines[previous + 1] ?? text.length).trimEnd();
  const match = (/\.(?:py|rb|ru)$/.test(file) ? PY_COMMENT : isIniFile(file) ? INI_COMMENT : JS_COMMENT).exec(
    lineText,
  );
  return match ? (match[1] ?? '').trim() : null;
}

// `//`, `/* … */`, JSX's `{/* … */}` and XML's `<!-- … -->`; Python's and Ruby's `#`.
const JS_COMMENT = /cookie-hardener-ignore(?:\s*:\s*(.*?))?\s*(?:\*\/\}?|-->)?\s*$/;
const PY_COMMENT = /#.*cookie-hardener-ignore(?:\s*:\s*(.*))?$/;
// INI files have whole-line comments only, after `#` or `;`.
const INI_COMMENT = /^\s*[#;].*cookie-hardener-ignore(?:\s*:\s*(.*))?$/;

function textOf(source: IgnoreSource): string {
  return 'js' in source ? source.js.text : 'py' in source ? source.py.text : source.text;
}

const computedStarts = new WeakMap<IgnoreSource, readonly number[]>();

function starts(source: IgnoreSource): readonly number[] {
  if ('js' in source) return source.js.starts;
  if ('py' in source) return source.py.starts;
  let known = computedStarts.get(source);
  if (!known) {
    known = lineStarts(source.text);
    computedStarts.set(source, known);
  }
  return known;
}
