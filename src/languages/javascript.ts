// JavaScript / TypeScript: parse with @babel/parser, walk with ast-types (the visitor recast is built on), and answer the questions rules ask
// about the tree (what a name was imported as, which container an object literal is, what a key is called).
// Edits are text splices (see fix/insert.ts), so no printer and no reprintable copy of the tree is ever needed.
import { parse as babelParse, type ParserOptions, type ParserPlugin } from '@babel/parser';
import { getFieldNames, NodePath } from 'ast-types';
import type { Container, Span } from '../model.js';
import { frontmatterOnly, isAstroFile } from './astro.js';
import { lineStarts } from './text.js';

// ast-types' node typings are looser than babel's and differ per version; rules read nodes through the
// narrow helpers below, so a loose alias keeps the rest of the code honest without fighting two type systems.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsNode = any;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsPath = any;

export interface ImportBinding {
  /** The module specifier as written: 'express-session', './config.js'. */
  source: string;
  /** 'default', '*' (namespace or a whole `require()`), or the exported name. */
  imported: string;
}

export interface JsModule {
  file: string;
  text: string;
  ast: JsNode;
  imports: Map<string, ImportBinding>;
  starts: readonly number[];
  /** Recoverable syntax errors babel reported; a fix may never add to them. */
  errorCount: number;
}

export class JsParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

function pluginsFor(file: string, flow: boolean): ParserPlugin[] {
  const common: ParserPlugin[] = ['decorators-legacy', 'importAttributes', 'explicitResourceManagement'];
  if (/\.tsx$/i.test(file)) return ['typescript', 'jsx', ...common];
  if (/\.[cm]?ts$/i.test(file) || isAstroFile(file)) return ['typescript', ...common];
  return flow ? ['jsx', 'flow', ...common] : ['jsx', ...common];
}

/** How every file is parsed: as leniently as babel allows, since a scan must read code that does not build. */
export function babelOptions(file: string, flow: boolean, tokens: boolean): ParserOptions {
  return {
    sourceType: 'unambiguous',
    plugins: pluginsFor(file, flow),
    tokens,
    errorRecovery: true,
    allowReturnOutsideFunction: true,
    allowAwaitOutsideFunction: true,
    allowImportExportEverywhere: true,
    allowSuperOutsideMethod: true,
    allowUndeclaredExports: true,
  };
}

/** Flow's pragma, in a comment near the top of the file where Flow itself looks for it. */
const FLOW_PRAGMA = /^[ \t]*(?:\/\/|\/?\*+)[ \t]*@(?:flow|noflow)\b/m;
const hasFlowPragma = (text: string) => FLOW_PRAGMA.test(text.slice(0, 4096));

const isTypeScript = (file: string) => /\.[cm]?tsx?$/i.test(file);

/**
 * Parses a JS/TS file; throws JsParseError with a position when babel cannot recover. A `.js` file marked
 * `@flow` is parsed with Flow's syntax; an unmarked one that fails as plain JavaScript is tried once more
 * with it, since Flow projects often drop the pragma (`all` mode) and type annotations are not TypeScript.
 * An `.astro` component is parsed as its frontmatter alone (see `astro.ts`).
 */
export function parseJavaScript(file: string, text: string): JsModule {
  // The module's text is the blanked copy too, so what rules slice from it matches the tree.
  if (isAstroFile(file)) return parseWith(file, frontmatterOnly(text), false);
  if (isTypeScript(file)) return parseWith(file, text, false);
  const pragma = hasFlowPragma(text);
  let plain: JsModule;
  try {
    plain = parseWith(file, text, pragma);
  } catch (error) {
    if (pragma || !(error instanceof JsParseError)) throw error;
    try {
      return parseWith(file, text, true);
    } catch {
      throw error; // the first message is about the file as JavaScript, which is what it claims to be
    }
  }
  if (plain.errorCount === 0 || pragma) return plain;
  try {
    const flow = parseWith(file, text, true);
    return flow.errorCount < plain.errorCount ? flow : plain;
  } catch {
    return plain;
  }
}

function parseWith(file: string, text: string, flow: boolean): JsModule {
  let ast: JsNode;
  try {
    // Babel's own tree, on the file's own text: offsets are the file's, and no copy is made for a printer
    // (edits are text splices). Rules walk it with ast-types' visitor, which knows babel's node types.
    ast = babelParse(text, babelOptions(file, flow, false));
  } catch (error) {
    if (error instanceof RangeError) throw error; // stack exhausted by deep nesting: not a syntax error
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    const message = (error as Error).message.replace(/\s*\(\d+:\d+\)$/, '');
    throw new JsParseError(message, loc?.line ?? 1, (loc?.column ?? 0) + 1);
  }
  const errorCount = (ast.errors as unknown[] | undefined)?.length ?? 0;
  const module: JsModule = { file, text, ast, imports: new Map(), starts: lineStarts(text), errorCount };
  collectImports(module);
  return module;
}

/** Strips wrappers that do not change a value: parentheses, `as const`, `satisfies`, `!`, type casts. */
export function unwrap(node: JsNode): JsNode {
  let current = node;
  while (
    current &&
    (current.type === 'TSAsExpression' ||
      current.type === 'TSSatisfiesExpression' ||
      current.type === 'TSNonNullExpression' ||
      current.type === 'TSTypeAssertion' ||
      current.type === 'ParenthesizedExpression' ||
      current.type === 'TypeCastExpression')
  ) {
    current = current.expression;
  }
  return current;
}

export function isRequireCall(node: JsNode): string | null {
  const call = unwrap(node);
  if (
    call?.type === 'CallExpression' &&
    call.callee.type === 'Identifier' &&
    call.callee.name === 'require' &&
    call.arguments.length === 1 &&
    call.arguments[0].type === 'StringLiteral'
  ) {
    return call.arguments[0].value as string;
  }
  return null;
}

function collectImports(module: JsModule): void {
  for (const statement of module.ast.program.body as JsNode[]) {
    if (statement.type === 'ImportDeclaration') {
      const source = statement.source.value as string;
      for (const specifier of statement.specifiers ?? []) {
        if (specifier.type === 'ImportDefaultSpecifier') {
          module.imports.set(specifier.local.name, { source, imported: 'default' });
        } else if (specifier.type === 'ImportNamespaceSpecifier') {
          module.imports.set(specifier.local.name, { source, imported: '*' });
        } else if (specifier.type === 'ImportSpecifier') {
          const imported =
            specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
          module.imports.set(specifier.local.name, { source, imported });
        }
      }
    } else if (statement.type === 'TSImportEqualsDeclaration') {
      const reference = statement.moduleReference;
      if (reference?.type === 'TSExternalModuleReference') {
        module.imports.set(statement.id.name, { source: reference.expression.value, imported: '*' });
      }
    }
  }
  // CommonJS requires may sit anywhere (inside functions too). Nodes alone answer this, so a plain walk
  // does, several times faster than a visitor that builds paths.
  forEachNode(module.ast.program, (node) => {
    if (node.type !== 'VariableDeclarator') return;
    const { id, init } = node;
    const direct = isRequireCall(init);
    if (direct !== null) {
      if (id.type === 'Identifier') module.imports.set(id.name, { source: direct, imported: '*' });
      else if (id.type === 'ObjectPattern') {
        for (const property of id.properties) {
          if (property.type !== 'ObjectProperty' || property.value.type !== 'Identifier') continue;
          const key = propertyKeyName(property);
          if (key) module.imports.set(property.value.name, { source: direct, imported: key });
        }
      }
    } else {
      const member = unwrap(init);
      if (member?.type === 'MemberExpression' && id.type === 'Identifier') {
        const source = isRequireCall(member.object);
        const key = memberPropertyName(member);
        if (source !== null && key) module.imports.set(id.name, { source, imported: key });
      }
    }
  });
}

/** Every AST node under `root`, depth first, without building paths; an explicit stack, so no recursion. */
export function forEachNode(root: JsNode, visit: (node: JsNode) => void): void {
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (!value || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index--) pending.push(value[index]);
      continue;
    }
    const node = value as Record<string, unknown>;
    if (typeof node.type === 'string') visit(node);
    for (const key in node) {
      if (key === 'loc' || key === 'original' || key === 'tokens' || key === 'comments' || key === 'extra')
        continue;
      const child = node[key];
      if (child && typeof child === 'object') pending.push(child);
    }
  }
}

/** The static name of an object property / method key, or null when computed from an expression. */
export function propertyKeyName(property: JsNode): string | null {
  const key = property.key;
  if (!key) return null;
  if (!property.computed && key.type === 'Identifier') return key.name;
  if (key.type === 'StringLiteral') return key.value;
  if (key.type === 'NumericLiteral') return String(key.value);
  return null;
}

export function memberPropertyName(member: JsNode): string | null {
  const property = member.property;
  if (!member.computed && property.type === 'Identifier') return property.name;
  if (property.type === 'StringLiteral') return property.value;
  return null;
}

/** The entries of an object literal as a Container for splices. */
export function objectContainer(module: JsModule, object: JsNode): Container {
  const properties = object.properties as JsNode[];
  const quoted = properties.filter((p) => p.type === 'ObjectProperty' || p.type === 'ObjectMethod');
  let keyQuote = '';
  if (quoted.length > 0 && quoted.every((p) => p.key?.type === 'StringLiteral' && !p.computed)) {
    keyQuote = module.text[quoted[0].key.start] ?? "'";
  }
  return {
    file: module.file,
    syntax: 'js-object',
    open: object.start,
    close: object.end - 1,
    entries: properties.map((p) => spanOf(p)),
    keyQuote,
  };
}

/** A call's argument list as a Container (for adding a missing options argument). */
export function argumentsContainer(module: JsModule, call: JsNode): Container | null {
  const args = call.arguments as JsNode[];
  const from = args.length > 0 ? args[args.length - 1].end : call.callee.end;
  const open = args.length > 0 ? module.text.lastIndexOf('(', args[0].start) : module.text.indexOf('(', from);
  const close = call.end - 1;
  if (open === -1 || module.text[close] !== ')') return null;
  return {
    file: module.file,
    syntax: 'js-arguments',
    open,
    close,
    entries: args.map((a) => spanOf(a)),
    keyQuote: '',
  };
}

export function spanOf(node: JsNode): Span {
  return { start: node.start as number, end: node.end as number };
}

/** The literal string a node evaluates to when it is written as one (template without expressions too). */
export function stringValue(node: JsNode): string | null {
  const value = unwrap(node);
  if (value?.type === 'StringLiteral') return value.value;
  if (value?.type === 'TemplateLiteral' && value.expressions.length === 0)
    return value.quasis[0]?.value.cooked ?? null;
  return null;
}

/** `const name = …` / `let` / `var` directly in the program body (exported or not). */
export function moduleLevelInit(module: JsModule, name: string): JsNode | null {
  for (const statement of module.ast.program.body as JsNode[]) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (declaration?.type !== 'VariableDeclaration') continue;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type === 'Identifier' && declarator.id.name === name) return declarator.init ?? null;
    }
  }
  return null;
}

interface Walked {
  calls: JsPath[];
  assignments: JsPath[];
}

const walkCache = new WeakMap<JsModule, Walked>();

/** The node types ast-types' visitor hands to visitCallExpression / visitNewExpression (subtypes included). */
const CALL_TYPES = new Set(['CallExpression', 'OptionalCallExpression', 'NewExpression']);

/**
 * One walk per module collects what rules look at: calls, `new` expressions and member assignments. The walk
 * itself is a plain recursion in ast-types' field order (the order its visitor takes); a NodePath, which rules
 * need for parents and scope look-ups, is made only along the way down to each node collected, instead of
 * for every node of the tree: in a large bundle that was most of the scan's time and garbage.
 */
function walked(module: JsModule): Walked {
  let found = walkCache.get(module);
  if (found) return found;
  const calls: JsPath[] = [];
  const assignments: JsPath[] = [];
  // Paths are created from the same kind of root the visitor uses, so parents and scopes match its own.
  const root: JsPath = new NodePath({ root: module.ast }).get('root');
  const keys: Array<string | number> = [];
  const pathHere = (): JsPath => (keys.length === 0 ? root : root.get(...keys));
  const visitNode = (node: JsNode): void => {
    if (CALL_TYPES.has(node.type)) calls.push(pathHere());
    else if (node.type === 'AssignmentExpression' && node.left?.type === 'MemberExpression')
      assignments.push(pathHere());
    for (const field of getFieldNames(node)) {
      const value = node[field];
      if (value === null || typeof value !== 'object') continue;
      keys.push(field);
      if (Array.isArray(value)) {
        value.forEach((item, index) => {
          if (item !== null && typeof item === 'object' && typeof item.type === 'string') {
            keys.push(index);
            visitNode(item);
            keys.pop();
          }
        });
      } else if (typeof value.type === 'string') visitNode(value);
      keys.pop();
    }
  };
  visitNode(module.ast);
  found = { calls, assignments };
  walkCache.set(module, found);
  return found;
}

/** Every call (and `new`) expression of the module, found in one walk and shared by all rules. */
export function callsOf(module: JsModule): JsPath[] {
  return walked(module).calls;
}

/** Every assignment to a member (`document.cookie = …`, `a.b = …`), from the same shared walk. */
export function memberAssignmentsOf(module: JsModule): JsPath[] {
  return walked(module).assignments;
}

/** Where `name` is declared as seen from `path`: the declaring identifier's path, or null (global / unknown). */
export function declarationOf(path: JsPath, name: string): JsPath | null {
  try {
    const scope = path.scope?.lookup(name);
    if (!scope) return null;
    return scope.getBindings()[name]?.[0] ?? null;
  } catch {
    return null;
  }
}

/** `name` is a parameter or local of a function around `path` (a destructured context), not a module-level name. */
export function declaredInFunction(path: JsPath, name: string): boolean {
  try {
    const scope = path.scope?.lookup(name);
    return Boolean(scope) && !scope.isGlobal;
  } catch {
    return false;
  }
}

/**
 * The value a local `const`/`let` named `name` starts with, seen from `path` (`const c = await cookies()`
 * gives the `await` expression), with its path; null for parameters, imports and unknown names.
 */
export function localInitOf(path: JsPath, name: string): { node: JsNode; path: JsPath } | null {
  const declared = declarationOf(path, name);
  const declarator = declared?.parentPath;
  if (declarator?.node?.type !== 'VariableDeclarator' || declarator.node.id !== declared.node) return null;
  if (!declarator.node.init) return null;
  return { node: declarator.node.init, path: declarator.get('init') };
}

/** A name nothing in the file declares or imports: a global, or an auto-import (Nuxt's `setCookie`). */
export function isUndeclared(module: JsModule, path: JsPath, name: string): boolean {
  if (module.imports.has(name)) return false;
  if (declarationOf(path, name)) return false;
  return moduleLevelInit(module, name) === null && !declaresFunction(module, name);
}

function declaresFunction(module: JsModule, name: string): boolean {
  return (module.ast.program.body as JsNode[]).some((statement) => {
    const declaration = statement.type.startsWith('Export') ? statement.declaration : statement;
    return declaration?.type === 'FunctionDeclaration' && declaration.id?.name === name;
  });
}

/** `await x` and wrappers stripped: the expression a value really is. */
export function unwrapAwait(node: JsNode): JsNode {
  let current = unwrap(node);
  while (current?.type === 'AwaitExpression') current = unwrap(current.argument);
  return current;
}

/** The called function's own name: `cookie` for `res.cookie(…)`, `session` for `session(…)`. */
export function calleeName(call: JsNode): string | null {
  const callee = unwrap(call.callee);
  if (callee?.type === 'Identifier') return callee.name;
  if (callee?.type === 'MemberExpression' || callee?.type === 'OptionalMemberExpression')
    return memberPropertyName(callee);
  return null;
}

/** What a callee was imported as: `session(…)` → express-session default; `cookie.serialize` → cookie.serialize. */
export function calleeImport(module: JsModule, call: JsNode): ImportBinding | null {
  const callee = unwrap(call.callee);
  if (callee?.type === 'Identifier') return module.imports.get(callee.name) ?? null;
  if (callee?.type === 'MemberExpression' && callee.object.type === 'Identifier') {
    const owner = module.imports.get(callee.object.name);
    const property = memberPropertyName(callee);
    if (owner && property && (owner.imported === '*' || owner.imported === 'default')) {
      return { source: owner.source, imported: property };
    }
  }
  if (callee?.type === 'CallExpression') {
    // require('express-session')(…) written inline
    const source = isRequireCall(callee);
    if (source !== null) return { source, imported: '*' };
  }
  return null;
}
