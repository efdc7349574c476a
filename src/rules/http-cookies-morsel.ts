// The standard library's `http.cookies.SimpleCookie` (and `BaseCookie`, Python 2's `Cookie` module): a morsel
// gets `HttpOnly` / `Secure` only from `jar[name]['httponly'] = True` / `['secure']`; nothing is on by default.
// Only jars the module sends (it builds a header from one, or hands the jar back to its caller) are judged:
// a jar that parses a request's `Cookie` header sets nothing.
import type { SyntaxNode } from '@lezer/common';
import { dottedName, localAssignment, textOf, type PyModule } from '../languages/python.js';
import { findMorselSites } from './py-morsel-common.js';
import type { PyRule } from './rule.js';

const JAR_CLASS = /^(?:http\.cookies|Cookie)\.(?:Simple|Base)Cookie$/;
/** A jar turned into a header (`output`, `OutputString`, `js_output`) or written next to a `Set-Cookie` name. */
const SENT = /\.(?:output|OutputString|js_output)\s*\(|set-cookie/i;

export const httpCookiesMorsel: PyRule = {
  meta: {
    id: 'http-cookies-morsel',
    framework: 'http-cookies',
    language: 'python',
    api: "SimpleCookie()[name]['httponly']",
    description:
      "Standard-library `http.cookies.SimpleCookie` morsels: `jar[name] = value` and its `jar[name]['httponly']` / `['secure']` lines.",
    defaults: { httpOnly: 'off', secure: 'off' },
  },
  findSites(module) {
    if (!/(?:Simple|Base)Cookie/.test(module.text)) return [];
    return findMorselSites(module, { ruleId: this.meta.id, isJar: isStdlibJar });
  },
};

function isStdlibJar(module: PyModule, expression: SyntaxNode, scope: SyntaxNode): boolean {
  const dotted = dottedName(module, expression);
  if (!dotted) return false;
  if (dotted.length === 1) {
    const value =
      scope.name === 'FunctionDefinition'
        ? (localAssignment(module, scope, dotted[0]!, expression.from) ?? module.assignments.get(dotted[0]!))
        : module.assignments.get(dotted[0]!);
    if (!value || !constructsJar(module, value)) return false;
    return sends(module, dotted[0]!);
  }
  // `self.cookies[name] = value` where the class stores a jar in `self.cookies`.
  if (dotted.length !== 2 || dotted[0] !== 'self') return false;
  for (let cls = scope.parent; cls; cls = cls.parent) {
    if (cls.name !== 'ClassDefinition') continue;
    return assignsJar(module, cls, `self.${dotted[1]}`);
  }
  return false;
}

const sentCache = new WeakMap<PyModule, Map<string, boolean>>();

/** The module sends a jar (or hands the one named `name` back): asked once per name, not per assignment. */
function sends(module: PyModule, name: string): boolean {
  let byName = sentCache.get(module);
  if (!byName) {
    byName = new Map();
    sentCache.set(module, byName);
  }
  let sent = byName.get(name);
  if (sent === undefined) {
    sent = SENT.test(module.text) || new RegExp(`\\breturn\\s+${name}\\b`).test(module.text);
    byName.set(name, sent);
  }
  return sent;
}

/** `SimpleCookie()`, `http.cookies.SimpleCookie(raw)`, `cookies.BaseCookie()` after `from http import cookies`. */
function constructsJar(module: PyModule, node: SyntaxNode): boolean {
  if (node.name !== 'CallExpression' || !node.firstChild) return false;
  const dotted = dottedName(module, node.firstChild);
  const binding = dotted ? module.imports.get(dotted[0]!) : undefined;
  if (!dotted || !binding) return false;
  const path = [binding.module, ...(binding.name === null ? [] : [binding.name]), ...dotted.slice(1)];
  return JAR_CLASS.test(path.join('.'));
}

function assignsJar(module: PyModule, cls: SyntaxNode, target: string): boolean {
  let found = false;
  const cursor = cls.cursor();
  do {
    if (cursor.name !== 'AssignStatement') continue;
    const left = cursor.node.firstChild;
    const value = cursor.node.lastChild;
    if (
      left &&
      value &&
      textOf(module, left).replace(/\s+/g, '') === target &&
      constructsJar(module, value)
    ) {
      found = true;
      break;
    }
  } while (cursor.next() && cursor.from < cls.to);
  return found;
}
