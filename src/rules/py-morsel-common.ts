// Cookies written as `http.cookies` morsels: `jar[name] = value` creates the morsel, and its attributes are
// separate statements, `jar[name]['httponly'] = True`. The stdlib's SimpleCookie and CherryPy's
// `cherrypy.response.cookie` (a SimpleCookie) are read the same way; each rule says which jars it owns.
//
// A site is the statement that sets the value. Flags are the attribute statements that follow it in the same
// function (through an alias `m = jar[name]` too, and `jar[name].update({...})`); one under an `if` the value
// statement is not under only sometimes runs, so it counts as conditional. Missing flags are new statements
// after the last attribute statement of the run that starts at the value, at its indentation.
import type { SyntaxNode } from '@lezer/common';
import {
  argumentsOf,
  callParts,
  childrenOf,
  classifyPyCondition,
  dictEntriesOf,
  evaluatePyFlag,
  pyStatementsContainer,
  stringLiteral,
  textOf,
  type PyModule,
} from '../languages/python.js';
import { kindOfName } from '../cookie-kind.js';
import type { CookieKind, CookieSite, Flag, FlagValue } from '../model.js';
import { isPyCookieDeletion } from './py-call-site-common.js';

/** Decides whether an expression (a jar's text, whitespace removed) denotes a jar the rule owns. */
export type JarTest = (module: PyModule, expression: SyntaxNode, scope: SyntaxNode) => boolean;

export interface MorselSpec {
  ruleId: string;
  isJar: JarTest;
  /** Notes every site of the rule carries. */
  notes?: readonly string[];
  /** The quote for a new attribute key where neither the name nor an attribute is quoted. */
  defaultQuote?: string;
  /** A later value statement for the same name starts a cookie of its own: attributes after it are its. */
  rewriteStartsAnew?: boolean;
}

/** A statement writing `<jar>[<name>]` (a value) or `<jar>[<name>][<key>]` / `<alias>[<key>]` (an attribute). */
interface MorselWrite {
  statement: SyntaxNode;
  /** The attribute key, lower-cased; null for a computed key (`m[key] = v`). */
  key: string | null;
  value: SyntaxNode | null;
}

const FLAG_KEYS: Record<Flag, string> = { httpOnly: 'httponly', secure: 'secure' };

export function findMorselSites(module: PyModule, spec: MorselSpec): CookieSite[] {
  const sites: CookieSite[] = [];
  module.tree.iterate({
    enter(ref) {
      if (ref.name !== 'AssignStatement') return;
      const statement = ref.node;
      const target = subscriptParts(statement.firstChild);
      const value = valueOf(statement);
      if (!target || !value || subscriptParts(target.object)) return false;
      const scope = scopeOf(statement);
      if (!spec.isJar(module, target.object, scope)) return false;
      const site = morselSite(module, spec, statement, target, value, scope);
      if (site) sites.push(site);
      return false;
    },
  });
  return sites;
}

function morselSite(
  module: PyModule,
  spec: MorselSpec,
  statement: SyntaxNode,
  target: { object: SyntaxNode; index: SyntaxNode },
  value: SyntaxNode,
  scope: SyntaxNode,
): CookieSite | null {
  const jarText = compact(textOf(module, target.object));
  const indexText = compact(textOf(module, target.index));
  const writes = writesAfter(module, statement, scope, jarText, indexText, spec.rewriteStartsAnew ?? false);
  const attribute = (name: string) => {
    const write = [...writes].reverse().find((candidate) => candidate.key === name);
    return write?.value ?? undefined;
  };
  const deletionOption = (name: string) => attribute(name === 'max_age' ? 'max-age' : name);
  if (isPyCookieDeletion(module, value, deletionOption)) return null;

  const flags = {} as Record<Flag, FlagValue>;
  for (const flag of ['httpOnly', 'secure'] as const) {
    flags[flag] = flagOf(module, statement, writes, FLAG_KEYS[flag]);
  }
  const cookieName = stringLiteral(module, target.index);
  const run = runAfter(module, statement, writes);
  const keyQuote = quoteOf(module, writes, target.index, spec.defaultQuote ?? "'");
  const prefix = `${textOf(module, target.object)}[${textOf(module, target.index)}]`;
  const site: CookieSite = {
    ruleId: spec.ruleId,
    file: module.file,
    offset: statement.from,
    cookieNames: cookieName === null ? [] : [cookieName],
    kindHint: cookieName === null ? hintOf(module, target.index) : undefined,
    valueText: textOf(module, value),
    flags,
    keys: { httpOnly: 'httponly', secure: 'secure' },
    insertion: null,
    usedAt: [],
    notes: [...(spec.notes ?? [])],
  };
  const hidden = Object.values(flags).some((flag) => flag.kind === 'unknown');
  // A statement spread over several lines, or a jar expression spanning lines, cannot anchor new lines.
  if (!hidden && !/[\r\n]/.test(prefix)) {
    const container = pyStatementsContainer(
      module,
      statement.from,
      run,
      `${prefix}[${keyQuote}{key}${keyQuote}] = True`,
    );
    if (container.entries.length > 0) site.insertion = { container, nest: [] };
  }
  return site;
}

/** The function (or module) whose statements can touch a morsel created in it. */
function scopeOf(node: SyntaxNode): SyntaxNode {
  for (let current = node.parent; current; current = current.parent) {
    if (current.name === 'FunctionDefinition' || current.name === 'Script') return current;
  }
  return node;
}

function subscriptParts(node: SyntaxNode | null): { object: SyntaxNode; index: SyntaxNode } | null {
  if (node?.name !== 'MemberExpression') return null;
  const children = childrenOf(node);
  if (children[1]?.name !== '[' || children.at(-1)?.name !== ']' || children.length !== 4) return null;
  return { object: children[0]!, index: children[2]! };
}

function valueOf(statement: SyntaxNode): SyntaxNode | null {
  const children = childrenOf(statement).filter((child) => child.name !== 'Comment');
  if (children.length !== 3 || children[1]?.name !== 'AssignOp') return null;
  return children[2] ?? null;
}

function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

/**
 * Every later statement of the scope that writes this morsel's attributes: `jar[name][key] = v`,
 * `alias[key] = v` after `alias = jar[name]`, and `jar[name].update({...})` (a dict we cannot read counts as
 * a computed key). Nested functions are left out: they run at another time.
 */
function writesAfter(
  module: PyModule,
  statement: SyntaxNode,
  scope: SyntaxNode,
  jarText: string,
  indexText: string,
  rewriteStartsAnew: boolean,
): MorselWrite[] {
  const morsel = `${jarText}[${indexText}]`;
  const aliases = new Set<string>();
  const writes: MorselWrite[] = [];
  const isMorsel = (node: SyntaxNode) => {
    const text = compact(textOf(module, node));
    return text === morsel || (node.name === 'VariableName' && aliases.has(text));
  };
  const cursor = scope.cursor();
  let ended = false;
  const visit = (node: SyntaxNode) => {
    if (node.from < statement.to) return;
    if (node.name === 'AssignStatement') {
      const target = node.firstChild;
      const value = valueOf(node);
      if (rewriteStartsAnew && target && value && compact(textOf(module, target)) === morsel) {
        ended = true;
        return;
      }
      if (target?.name === 'VariableName' && value && compact(textOf(module, value)) === morsel) {
        aliases.add(textOf(module, target));
        return;
      }
      const parts = subscriptParts(target);
      if (parts && value && isMorsel(parts.object)) {
        const literal = stringLiteral(module, parts.index);
        writes.push({ statement: node, key: literal === null ? null : literal.toLowerCase(), value });
      }
    } else if (node.name === 'ExpressionStatement') {
      const call = node.firstChild;
      const parts = call?.name === 'CallExpression' ? callParts(call) : null;
      const callee = parts ? childrenOf(parts.callee) : [];
      if (!parts || callee.length !== 3 || callee[2]?.name !== 'PropertyName') return;
      if (textOf(module, callee[2]) !== 'update' || !isMorsel(callee[0]!)) return;
      const [first, ...rest] = argumentsOf(module, parts.argList);
      if (first?.kind === 'positional' && first.value.name === 'DictionaryExpression' && rest.length === 0) {
        for (const entry of dictEntriesOf(module, first.value)) {
          writes.push({
            statement: node,
            key: entry.key === null ? null : entry.key.toLowerCase(),
            value: entry.value,
          });
        }
      } else writes.push({ statement: node, key: null, value: null });
    }
  };
  if (!cursor.firstChild()) return writes;
  const walk = (): void => {
    do {
      if (ended) return;
      const node = cursor.node;
      if (node.name === 'FunctionDefinition' || node.name === 'ClassDefinition') continue;
      if (node.name === 'AssignStatement' || node.name === 'ExpressionStatement') visit(node);
      else if (cursor.firstChild()) {
        walk();
        cursor.parent();
      }
    } while (cursor.nextSibling());
  };
  walk();
  return writes;
}

function flagOf(
  module: PyModule,
  statement: SyntaxNode,
  writes: readonly MorselWrite[],
  key: string,
): FlagValue {
  let found: FlagValue = { kind: 'absent' };
  for (const write of writes) {
    if (write.key === null) {
      if (found.kind === 'absent')
        found = { kind: 'unknown', reason: 'an attribute written with a computed key may set it' };
      continue;
    }
    if (write.key !== key || !write.value) continue;
    const value = morselFlag(module, write.value);
    const guard = guardOf(module, statement, write.statement);
    found =
      guard === null || value.kind !== 'true'
        ? value
        : {
            kind: 'conditional',
            span: value.span,
            text: guard.text,
            devOnly:
              guard.condition !== null && classifyPyCondition(module, guard.condition) === 'development',
          };
  }
  return found;
}

/** A morsel flag is written when truthy: strings count by emptiness. */
function morselFlag(module: PyModule, node: SyntaxNode): FlagValue {
  const literal = stringLiteral(module, node);
  const span = { start: node.from, end: node.to };
  if (literal === '') return { kind: 'false', span, file: module.file };
  if (literal !== null) return { kind: 'true', span };
  return evaluatePyFlag(module, node);
}

/**
 * What guards `write` but not `statement`: the innermost `if` / `elif` condition, or the first line of a
 * loop, `else` or `except` between the write and a body that also holds the value statement. Null when the
 * write runs whenever the value statement does (a `with` or `try` body runs too).
 */
function guardOf(
  module: PyModule,
  statement: SyntaxNode,
  write: SyntaxNode,
): { text: string; condition: SyntaxNode | null } | null {
  const holds = (body: SyntaxNode) => body.from <= statement.from && statement.to <= body.to;
  let guard: { text: string; condition: SyntaxNode | null } | null = null;
  for (let body = write.parent; body; body = body.parent) {
    if (body.name !== 'Body' && body.name !== 'Script') continue;
    if (holds(body)) return guard;
    const owner = body.parent;
    if (guard || !owner) continue;
    const children = childrenOf(owner);
    const index = children.findIndex((child) => child.from === body.from);
    const keyword = children[index - 2];
    const test = children[index - 1];
    if ((keyword?.name === 'if' || keyword?.name === 'elif') && test) {
      guard = { text: `${keyword.name} ${textOf(module, test)}`, condition: test };
    } else if (test?.name === 'else' && owner.name === 'IfStatement') {
      guard = {
        text: `else of ${textOf(module, owner).split('\n')[0]?.replace(/:\s*$/, '')}`,
        condition: null,
      };
    } else if (owner.name === 'WithStatement') continue;
    else if (owner.name === 'TryStatement' && children.findIndex((child) => child.name === 'Body') === index)
      continue;
    else if (owner.name !== 'FunctionDefinition' && owner.name !== 'ClassDefinition') {
      const line = textOf(module, owner).split('\n')[0] ?? '';
      guard = { text: line.replace(/:\s*$/, ''), condition: null };
    }
  }
  return guard;
}

/**
 * The value statement and this morsel's attribute statements that follow it directly in the same body, as
 * long as every statement in between writes this jar's morsels: new flags go after the last of them, before
 * anything that may send the cookie.
 */
function runAfter(module: PyModule, statement: SyntaxNode, writes: readonly MorselWrite[]): SyntaxNode[] {
  const own = new Set(writes.map((write) => write.statement.from));
  const run = [statement];
  const jar = subscriptParts(statement.firstChild)!.object;
  const jarText = compact(textOf(module, jar));
  for (let next = statement.nextSibling; next; next = next.nextSibling) {
    if (next.name === 'Comment') continue;
    if (own.has(next.from)) {
      run.push(next);
      continue;
    }
    // Another morsel of the same jar (`jar['other'] = v`, `jar['other']['path'] = '/'`) keeps the run going.
    let target = next.name === 'AssignStatement' ? subscriptParts(next.firstChild) : null;
    while (target && subscriptParts(target.object)) target = subscriptParts(target.object);
    if (!target || compact(textOf(module, target.object)) !== jarText) break;
  }
  return run;
}

function quoteOf(
  module: PyModule,
  writes: readonly MorselWrite[],
  index: SyntaxNode,
  fallback: string,
): string {
  for (const write of writes) {
    const parts = subscriptParts(write.statement.firstChild);
    const quote = parts ? /^[a-zA-Z]*(['"])/.exec(textOf(module, parts.index))?.[1] : undefined;
    if (quote) return quote;
  }
  return /^[a-zA-Z]*(['"])/.exec(textOf(module, index))?.[1] ?? fallback;
}

/** `jar[SESSION_COOKIE] = sid`: the kind a non-literal name suggests. */
function hintOf(module: PyModule, node: SyntaxNode): CookieKind | undefined {
  const name = /(\w+)\s*$/.exec(textOf(module, node))?.[1];
  if (!name) return undefined;
  const kind = kindOfName(name);
  return kind === 'other' ? undefined : kind;
}
