// Go: parse with @lezer/go (a concrete tree with exact offsets, the same family as the Python parser) and
// answer what the Go rules ask: which package a name stands for, composite literals and their elements,
// call arguments, literal booleans.
import type { SyntaxNode, Tree } from '@lezer/common';
import { parser } from '@lezer/go';
import type { Container, FlagValue } from '../../model.js';
import { lineStarts } from '../text.js';

export interface GoModule {
  file: string;
  text: string;
  tree: Tree;
  starts: readonly number[];
  /** Error nodes in the tree; a fix may never add to them. */
  errorCount: number;
  /** Local package name → import path (`http` → `net/http`, `g` → `github.com/gin-gonic/gin`). */
  imports: Map<string, string>;
}

/**
 * `true`, `false` and `nil` at the end of a line. Go ends the statement there (they are identifiers to the
 * language), but @lezer/go 1.0.1 reads them as keywords that insert no semicolon, so `c.Secure = false` on its
 * own line, or `return nil`, left an error in a quarter of real files.
 */
const LINE_END_LITERAL = /\b(?:true|false|nil)(?=[ \t]*(?:\/\/[^\n]*)?\r?\n)/g;

/**
 * The text the parser is given: each such word capitalised (`True`, `False`, `Nil`), an identifier of the same
 * length, so every offset is the text's own and the statement ends where Go ends it. Rules read literal values
 * from the text, never from the node's name.
 */
function parserText(text: string): string {
  return text.replace(LINE_END_LITERAL, (word) => word.charAt(0).toUpperCase() + word.slice(1));
}

export function parseGo(file: string, text: string): GoModule {
  const tree = parser.parse(parserText(text));
  let errorCount = 0;
  tree.iterate({
    enter(node) {
      if (node.type.isError) errorCount++;
    },
  });
  const module: GoModule = { file, text, tree, starts: lineStarts(text), errorCount, imports: new Map() };
  for (let declaration = tree.topNode.firstChild; declaration; declaration = declaration.nextSibling) {
    if (declaration.name !== 'ImportDecl') continue;
    declaration.cursor().iterate((ref) => {
      if (ref.name !== 'ImportSpec') return true;
      const spec = ref.node;
      const path = spec.getChild('String');
      if (!path) return false;
      const imported = stringValue(module, path);
      if (imported === null) return false;
      const alias = spec.getChild('DefName');
      // `_` and `.` imports bind no name a selector could use.
      const name = alias ? textOf(module, alias) : defaultPackageName(imported);
      if (name !== '_' && name !== '.') module.imports.set(name, imported);
      return false;
    });
  }
  return module;
}

/**
 * The name a package is used under when imported without an alias: the last path element, less a major
 * version suffix (`github.com/gofiber/fiber/v2` → `fiber`) and a `go-` prefix or `.go` / `-go` suffix.
 */
function defaultPackageName(path: string): string {
  const parts = path.split('/');
  let last = parts.at(-1) ?? path;
  if (/^v\d+$/.test(last) && parts.length > 1) last = parts.at(-2) ?? last;
  return last.replace(/^go-/, '').replace(/[.-]go$/, '');
}

export function textOf(module: { text: string }, node: SyntaxNode): string {
  return module.text.slice(node.from, node.to);
}

export function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const children: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) children.push(child);
  return children;
}

/** The value of an interpreted (`"…"`) or raw (`` `…` ``) string literal, or null for anything else. */
export function stringValue(module: GoModule, node: SyntaxNode): string | null {
  if (node.name !== 'String') return null;
  const raw = textOf(module, node);
  if (raw.startsWith('`')) return raw.slice(1, -1);
  try {
    return JSON.parse(raw) as string;
  } catch {
    return null;
  }
}

/** Whether `selector` is `<pkg>.<name>` with `<pkg>` an import of one of `paths`. */
export function isPackageMember(
  module: GoModule,
  node: SyntaxNode | null,
  paths: readonly string[],
  name: string,
): boolean {
  if (!node || (node.name !== 'QualifiedType' && node.name !== 'SelectorExpr')) return false;
  const parts = childrenOf(node);
  const qualifier = parts[0];
  const member = parts.at(-1);
  if (!qualifier || !member || qualifier.name !== 'VariableName') return false;
  const path = module.imports.get(textOf(module, qualifier));
  return path !== undefined && paths.includes(path) && textOf(module, member) === name;
}

/** The `Key: value` elements of a composite literal's `{…}`, by key. */
export function keyedElements(
  module: GoModule,
  literal: SyntaxNode,
): Array<{ key: string; node: SyntaxNode; value: SyntaxNode | null }> {
  return childrenOf(literal)
    .filter((child) => child.name === 'Element')
    .map((element) => {
      const key = element.getChild('Key');
      const parts = childrenOf(element);
      const colon = parts.findIndex((part) => part.name === ':');
      return { key: key ? textOf(module, key) : '', node: element, value: parts[colon + 1] ?? null };
    });
}

/** What a flag's value says: a literal true / false, or an expression decided at run time. */
export function goFlagValue(module: GoModule, value: SyntaxNode | null): FlagValue {
  if (!value) return { kind: 'unknown', reason: 'the value cannot be read' };
  const span = { start: value.from, end: value.to };
  const word = textOf(module, value);
  if (word === 'true') return { kind: 'true', span };
  if (word === 'false') return { kind: 'false', span, file: module.file };
  return { kind: 'conditional', span, text: textOf(module, value), devOnly: false };
}

/** A keyed composite literal's braces and elements, where new `Key: value` elements go. */
export function compositeContainer(module: GoModule, literal: SyntaxNode): Container | null {
  const open = literal.getChild('{');
  const close = literal.getChild('}');
  if (!open || !close) return null;
  const elements = childrenOf(literal).filter((child) => child.name === 'Element');
  // Positional elements (`http.Cookie{"a", "b"}`) cannot take a keyed one beside them.
  if (elements.some((element) => !element.getChild('Key'))) return null;
  return {
    file: module.file,
    syntax: 'go-composite',
    open: open.from,
    close: close.from,
    entries: elements.map((element) => ({ start: element.from, end: element.to })),
    keyQuote: '',
  };
}
