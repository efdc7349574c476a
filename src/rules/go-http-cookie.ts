// net/http's `http.Cookie{…}` struct literal: the cookie that `http.SetCookie(w, c)`, echo's
// `c.SetCookie(c)`, gin's `c.SetCookieData(c)` and `w.Header().Add("Set-Cookie", c.String())` send. Its
// `HttpOnly` and `Secure` fields are plain bools, so leaving one out leaves the flag off.
//
// A literal is judged only where the code sends it in a response: passed straight to a `SetCookie` /
// `SetCookieData` call, or bound to a variable that such a call (or `.String()` into a `Set-Cookie` header)
// uses in the same function. A cookie built for an outgoing request (`req.AddCookie(c)`, a cookie jar) is
// the client's, and HttpOnly or Secure there mean nothing.
import type { SyntaxNode } from '@lezer/common';
import { childrenOf, isPackageMember, textOf, type GoModule } from '../languages/go/parse.js';
import { structSite, typedLiterals } from './go-cookie-common.js';
import type { GoRule } from './rule.js';

const NET_HTTP = ['net/http'];
const SENDERS = new Set(['SetCookie', 'SetCookieData']);

export const goHttpCookie: GoRule = {
  meta: {
    id: 'go-http-cookie',
    framework: 'net-http',
    language: 'go',
    api: 'http.Cookie{…}',
    description:
      'net/http cookie struct literals sent with http.SetCookie, echo / gin SetCookie(Data) or a Set-Cookie header.',
    defaults: { httpOnly: 'off', secure: 'off' },
    mentions: ['Cookie{'],
  },
  findSites(module) {
    if (![...module.imports.values()].includes('net/http')) return [];
    return typedLiterals(module, (type) => isPackageMember(module, type, NET_HTTP, 'Cookie'))
      .filter((literal) => sentInResponse(module, literal))
      .flatMap(
        (literal) =>
          structSite(module, literal, this.meta.id, { httpOnly: 'HttpOnly', secure: 'Secure' }) ?? [],
      );
  },
};

/** Whether the literal reaches a response: directly as a sender's argument, or through a local variable. */
function sentInResponse(module: GoModule, literal: SyntaxNode): boolean {
  const outer = literal.parent?.name === 'UnaryExp' ? literal.parent : literal;
  const argumentList = outer.parent;
  if (argumentList?.name === 'Arguments') return isSender(module, argumentList.parent);
  const variable = boundVariable(module, outer);
  const body = enclosingFunctionBody(outer);
  if (!variable || !body) return false;
  let sent = false;
  body.cursor().iterate((ref) => {
    if (sent) return false;
    if (ref.name !== 'CallExpr') return true;
    const call = ref.node;
    const args = call.getChild('Arguments');
    if (!args) return true;
    const mentions = childrenOf(args).some((argument) => usesVariable(module, argument, variable));
    if (mentions && isSender(module, call)) sent = true;
    // `w.Header().Add("Set-Cookie", c.String())` / `.Set(…)`.
    if (
      mentions &&
      /\.(?:Add|Set)$/.test(calleeText(module, call)) &&
      /^["`]set-cookie["`]$/i.test(firstArgumentText(module, args))
    )
      sent = true;
    return true;
  });
  return sent;
}

function isSender(module: GoModule, call: SyntaxNode | null): boolean {
  if (!call || call.name !== 'CallExpr') return false;
  const callee = call.firstChild;
  if (!callee || callee.name !== 'SelectorExpr') return false;
  const member = callee.lastChild;
  return member !== null && SENDERS.has(textOf(module, member));
}

function calleeText(module: GoModule, call: SyntaxNode): string {
  return call.firstChild ? textOf(module, call.firstChild) : '';
}

function firstArgumentText(module: GoModule, args: SyntaxNode): string {
  const first = childrenOf(args).find((child) => child.name !== '(' && child.name !== ',');
  return first ? textOf(module, first) : '';
}

/** `c := &http.Cookie{…}`, `var c = …`, `cookie = http.Cookie{…}`: the one name on the left. */
function boundVariable(module: GoModule, value: SyntaxNode): string | null {
  const parent = value.parent;
  if (!parent) return null;
  if (parent.name === 'VarDecl' || parent.name === 'Assignment' || parent.name === 'VarSpec') {
    const names = childrenOf(parent).filter(
      (child) => (child.name === 'VariableName' || child.name === 'DefName') && child.to <= value.from,
    );
    return names.length === 1 && names[0] ? textOf(module, names[0]) : null;
  }
  if (parent.name === 'ExpressionList') return boundVariable(module, parent);
  return null;
}

function enclosingFunctionBody(node: SyntaxNode): SyntaxNode | null {
  for (let current = node.parent; current; current = current.parent) {
    if (
      current.name === 'FunctionDecl' ||
      current.name === 'MethodDecl' ||
      current.name === 'FunctionLiteral'
    )
      return current.getChild('Block');
  }
  return null;
}

/** `c`, `&c`, `c.String()`: an argument that hands the variable on. */
function usesVariable(module: GoModule, argument: SyntaxNode, variable: string): boolean {
  const text = textOf(module, argument);
  return text === variable || text === `&${variable}` || text === `${variable}.String()`;
}
