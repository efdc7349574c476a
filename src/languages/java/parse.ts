// Java: parse with @lezer/java (a concrete tree with exact offsets, like the Go and Python parsers) and answer
// what the Java rules ask: which class a type name stands for (from the imports), the declared type of a
// local name, call parts, literal booleans. @lezer/java 1.1.5 marks class literals (`String.class`) as
// errors (2,192 of the 5,262 Java files of Spring Security and Shiro have one), so error counts are common:
// the recovery is local, the rules read the tree around it, and a fix is only refused where it adds errors.
import type { SyntaxNode, Tree } from '@lezer/common';
import { parser } from '@lezer/java';
import type { FlagValue } from '../../model.js';
import { lineStarts } from '../text.js';

export interface JavaModule {
  file: string;
  text: string;
  tree: Tree;
  starts: readonly number[];
  /** Error nodes in the tree; a fix may never add to them. */
  errorCount: number;
  /** Simple name → fully qualified name, from single-type imports (`Cookie` → `jakarta.servlet.http.Cookie`). */
  imports: Map<string, string>;
  /** Packages imported whole (`import jakarta.servlet.http.*;` → `jakarta.servlet.http`). */
  wildcards: string[];
}

export function parseJava(file: string, text: string): JavaModule {
  const tree = parser.parse(text);
  let errorCount = 0;
  tree.iterate({
    enter(node) {
      if (node.type.isError) errorCount++;
    },
  });
  const module: JavaModule = {
    file,
    text,
    tree,
    starts: lineStarts(text),
    errorCount,
    imports: new Map(),
    wildcards: [],
  };
  for (let child = tree.topNode.firstChild; child; child = child.nextSibling) {
    if (child.name !== 'ImportDeclaration' || child.getChild('static')) continue;
    const name = child.getChild('ScopedIdentifier') ?? child.getChild('Identifier');
    if (!name) continue;
    const qualified = textOf(module, name).replace(/\s+/g, '');
    if (child.getChild('Asterisk')) module.wildcards.push(qualified);
    else module.imports.set(qualified.slice(qualified.lastIndexOf('.') + 1), qualified);
  }
  return module;
}

export function textOf(module: { text: string }, node: SyntaxNode): string {
  return module.text.slice(node.from, node.to);
}

/**
 * Whether a type node names one of `classes` (fully qualified): written out in full, or a simple name that an
 * import brings in (a single-type import, or a package imported whole that no single-type import overrides).
 */
export function namesClass(module: JavaModule, type: SyntaxNode | null, classes: readonly string[]): boolean {
  if (!type) return false;
  if (type.name === 'ScopedTypeName') return classes.includes(textOf(module, type).replace(/\s+/g, ''));
  if (type.name !== 'TypeName') return false;
  const simple = textOf(module, type);
  const imported = module.imports.get(simple);
  if (imported !== undefined) return classes.includes(imported);
  return module.wildcards.some((pkg) => classes.includes(`${pkg}.${simple}`));
}

/** Whether an expression names one of `classes` as a class (`ResponseCookie`, `org.springframework.http.ResponseCookie`). */
export function refersToClass(
  module: JavaModule,
  node: SyntaxNode | null,
  classes: readonly string[],
): boolean {
  if (!node) return false;
  const written = textOf(module, node).replace(/\s+/g, '');
  if (node.name === 'FieldAccess') return classes.includes(written);
  if (node.name !== 'Identifier') return false;
  const imported = module.imports.get(written);
  if (imported !== undefined) return classes.includes(imported);
  return module.wildcards.some((pkg) => classes.includes(`${pkg}.${written}`));
}

/** Whether the module can name any of `classes` at all: a cheap test before walking the tree. */
export function mayName(module: JavaModule, classes: readonly string[]): boolean {
  return classes.some(
    (name) =>
      [...module.imports.values()].includes(name) ||
      module.wildcards.includes(name.slice(0, name.lastIndexOf('.'))) ||
      module.text.includes(name),
  );
}

/** A call's parts: `receiver.name(arguments)`; the receiver is null for an unqualified call. */
export interface Call {
  node: SyntaxNode;
  receiver: SyntaxNode | null;
  name: string;
  args: SyntaxNode[];
}

export function callOf(module: JavaModule, node: SyntaxNode): Call | null {
  if (node.name !== 'MethodInvocation') return null;
  const method = node.getChild('MethodName');
  const list = node.getChild('ArgumentList');
  if (!method || !list) return null;
  const first = node.firstChild;
  const receiver = first && first.name !== 'MethodName' ? first : null;
  return { node, receiver, name: textOf(module, method), args: argumentsOf(list) };
}

/** The expressions of an argument list, without its parentheses, commas and comments. */
export function argumentsOf(list: SyntaxNode): SyntaxNode[] {
  const args: SyntaxNode[] = [];
  for (let child = list.firstChild; child; child = child.nextSibling) {
    if (['(', ')', ',', 'LineComment', 'BlockComment'].includes(child.name) || child.type.isError) continue;
    args.push(child);
  }
  return args;
}

/** The value of a plain string literal (no text block), or null. */
export function stringValue(module: JavaModule, node: SyntaxNode | undefined): string | null {
  if (!node || node.name !== 'StringLiteral') return null;
  const raw = textOf(module, node);
  if (!raw.startsWith('"') || raw.startsWith('"""')) return null;
  try {
    return JSON.parse(raw) as string;
  } catch {
    return null;
  }
}

/** What a flag argument says: a literal true / false, or an expression decided at run time. */
export function javaFlagValue(module: JavaModule, value: SyntaxNode | undefined): FlagValue {
  if (!value) return { kind: 'unknown', reason: 'the value cannot be read' };
  const span = { start: value.from, end: value.to };
  if (value.name === 'BooleanLiteral') {
    return textOf(module, value) === 'true'
      ? { kind: 'true', span }
      : { kind: 'false', span, file: module.file };
  }
  return { kind: 'conditional', span, text: textOf(module, value), devOnly: false };
}

/** The method, constructor or lambda body a node sits in. */
export function enclosingBody(node: SyntaxNode): SyntaxNode | null {
  for (let current = node.parent; current; current = current.parent) {
    if (
      current.name === 'MethodDeclaration' ||
      current.name === 'ConstructorDeclaration' ||
      current.name === 'LambdaExpression'
    )
      return current.getChild('Block') ?? current.getChild('ConstructorBody');
  }
  return null;
}

/**
 * The type a name is declared with where `at` sits: a local variable or parameter of an enclosing method or
 * lambda, else a field of an enclosing class. Null when it is declared with `var` or not found.
 */
export function declaredType(module: JavaModule, at: SyntaxNode, name: string): SyntaxNode | null {
  for (let scope = at.parent; scope; scope = scope.parent) {
    if (scope.name === 'Block' || scope.name === 'ConstructorBody') {
      for (let statement = scope.firstChild; statement; statement = statement.nextSibling) {
        if (statement.from >= at.from) break;
        if (statement.name !== 'LocalVariableDeclaration') continue;
        const type = declaresName(module, statement, name);
        if (type !== undefined) return type;
      }
    }
    if (scope.name === 'MethodDeclaration' || scope.name === 'ConstructorDeclaration') {
      for (const parameter of scope.getChild('FormalParameters')?.getChildren('FormalParameter') ?? []) {
        const definition = parameter.getChild('Definition');
        if (definition && textOf(module, definition) === name) return typeChild(parameter);
      }
    }
    if (scope.name === 'ClassBody') {
      for (const field of scope.getChildren('FieldDeclaration')) {
        const type = declaresName(module, field, name);
        if (type !== undefined) return type;
      }
    }
  }
  return null;
}

/** The declaration's type node when it declares `name` (null for `var`), undefined when it does not. */
function declaresName(
  module: JavaModule,
  declaration: SyntaxNode,
  name: string,
): SyntaxNode | null | undefined {
  for (const declarator of declaration.getChildren('VariableDeclarator')) {
    const definition = declarator.getChild('Definition');
    if (definition && textOf(module, definition) === name) return typeChild(declaration);
  }
  return undefined;
}

function typeChild(declaration: SyntaxNode): SyntaxNode | null {
  return declaration.getChild('TypeName') ?? declaration.getChild('ScopedTypeName');
}
