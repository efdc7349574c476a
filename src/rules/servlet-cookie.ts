// The Servlet API's `new Cookie(name, value)` (javax.servlet.http or jakarta.servlet.http), bound to a local
// variable whose `setHttpOnly(…)` / `setSecure(…)` calls decide the flags; both are off until set. The cookie
// counts only where the same method hands the variable to `addCookie` of an `HttpServletResponse`: the class
// is also used to read a request's cookies, and a cookie never sent needs no flags.
//
// Missing flags become new `cookie.setHttpOnly(true);` statements right after the constructor's statement and
// the setter calls that directly follow it, so they run before the cookie is added to the response.
import type { SyntaxNode } from '@lezer/common';
import {
  argumentsOf,
  callOf,
  declaredType,
  enclosingBody,
  javaFlagValue,
  mayName,
  namesClass,
  stringValue,
  textOf,
  type JavaModule,
} from '../languages/java/parse.js';
import type { CookieSite, Flag, FlagValue } from '../model.js';
import type { JavaRule } from './rule.js';

const COOKIE = ['javax.servlet.http.Cookie', 'jakarta.servlet.http.Cookie'];
const RESPONSE = ['javax.servlet.http.HttpServletResponse', 'jakarta.servlet.http.HttpServletResponse'];
const SETTERS: Record<Flag, string> = { httpOnly: 'setHttpOnly', secure: 'setSecure' };

export const servletCookie: JavaRule = {
  meta: {
    id: 'servlet-cookie',
    framework: 'servlet',
    language: 'java',
    api: 'new Cookie()',
    description:
      'Servlet cookies (javax / jakarta.servlet.http.Cookie) added to an HttpServletResponse, with their setHttpOnly / setSecure calls.',
    defaults: { httpOnly: 'off', secure: 'off' },
    mentions: ['Cookie('],
    namedByCaller: true,
  },
  findSites(module) {
    if (!mayName(module, COOKIE)) return [];
    const sites: CookieSite[] = [];
    module.tree.cursor().iterate((ref) => {
      if (ref.name !== 'ObjectCreationExpression') return true;
      const creation = ref.node;
      const type = creation.getChild('TypeName') ?? creation.getChild('ScopedTypeName');
      if (!namesClass(module, type, COOKIE)) return true;
      const site = siteOf(module, creation);
      if (site) sites.push(site);
      return true;
    });
    return sites;
  },
};

function siteOf(module: JavaModule, creation: SyntaxNode): CookieSite | null {
  if (creation.parent?.name === 'ArgumentList') return inlineSite(module, creation);
  const declarator = creation.parent;
  const statement = declarator?.parent;
  const block = statement?.parent;
  if (declarator?.name !== 'VariableDeclarator' || statement?.name !== 'LocalVariableDeclaration')
    return null;
  if (!block || (block.name !== 'Block' && block.name !== 'ConstructorBody')) return null;
  const definition = declarator.getChild('Definition');
  if (!definition) return null;
  const variable = textOf(module, definition);
  const body = enclosingBody(creation);
  const sentAt = body ? addedToResponse(module, body, variable, creation.from) : -1;
  if (sentAt === -1) return null;

  const flags: Record<Flag, FlagValue> = { httpOnly: { kind: 'absent' }, secure: { kind: 'absent' } };
  let deletion = false;
  const late: string[] = [];
  block.cursor().iterate((ref) => {
    if (ref.from < statement.to) return ref.to > statement.to;
    // Tomcat writes the Set-Cookie header inside `addCookie`: a setter called later changes nothing sent (and
    // where a container reads the cookie later, the inserted call before it only repeats it).
    const call = callOf(module, ref.node);
    if (!call || call.receiver?.name !== 'Identifier' || textOf(module, call.receiver) !== variable)
      return true;
    if (ref.from > sentAt) {
      if (Object.values(SETTERS).includes(call.name)) late.push(textOf(module, call.node));
      return true;
    }
    // Only a call that is itself one of the block's statements surely runs; one under an `if` may not.
    const direct = ref.node.parent?.name === 'ExpressionStatement' && ref.node.parent.parent === block;
    if (
      call.name === 'setMaxAge' &&
      direct &&
      call.args.length === 1 &&
      textOf(module, call.args[0]!) === '0'
    )
      deletion = true;
    for (const flag of ['httpOnly', 'secure'] as Flag[]) {
      if (call.name !== SETTERS[flag]) continue;
      const value = javaFlagValue(module, call.args[0]);
      flags[flag] =
        direct || value.kind === 'unknown'
          ? value
          : {
              kind: 'conditional',
              span: { start: call.node.from, end: call.node.to },
              text: guardText(module, ref.node, block),
              devOnly: false,
            };
    }
    return true;
  });
  // `setMaxAge(0)` makes the browser drop the cookie: a deletion needs no flags.
  if (deletion) return null;

  const list = creation.getChild('ArgumentList');
  const args = list ? argumentsOf(list) : [];
  const name = stringValue(module, args[0]);
  const value = args[1];
  const anchor = lastSetupStatement(module, statement, variable);
  return {
    ruleId: 'servlet-cookie',
    file: module.file,
    offset: creation.from,
    cookieNames: name === null ? [] : [name],
    valueText: value ? textOf(module, value) : undefined,
    flags,
    keys: { httpOnly: SETTERS.httpOnly, secure: SETTERS.secure },
    insertion: {
      container: {
        file: module.file,
        syntax: 'java-statements',
        open: statement.from,
        close: block.to,
        entries: [{ start: anchor.from, end: anchor.to }],
        keyQuote: '',
        statementTemplate: `${variable}.{key}({value});`,
      },
      nest: [],
    },
    usedAt: [],
    notes: late.map(
      (setter) => `\`${setter}\` comes after \`addCookie(${variable})\`, when the header is already written.`,
    ),
  };
}

/**
 * `response.addCookie(new Cookie(…))`: sent with both flags off, and no variable to call the setters on, so
 * it is reported for a person to rewrite.
 */
function inlineSite(module: JavaModule, creation: SyntaxNode): CookieSite | null {
  const call = creation.parent?.parent ? callOf(module, creation.parent.parent) : null;
  if (!call || call.name !== 'addCookie' || call.args.length !== 1 || !call.receiver) return null;
  if (!isServletResponse(module, call.receiver)) return null;
  const list = creation.getChild('ArgumentList');
  const args = list ? argumentsOf(list) : [];
  const name = stringValue(module, args[0]);
  return {
    ruleId: 'servlet-cookie',
    file: module.file,
    offset: creation.from,
    cookieNames: name === null ? [] : [name],
    valueText: args[1] ? textOf(module, args[1]) : undefined,
    flags: { httpOnly: { kind: 'absent' }, secure: { kind: 'absent' } },
    keys: { httpOnly: SETTERS.httpOnly, secure: SETTERS.secure },
    insertion: null,
    usedAt: [],
    notes: [
      'The cookie is built inside the `addCookie(…)` call: give it a variable to call `setHttpOnly(true)` and `setSecure(true)` on before it is added.',
    ],
  };
}

/** The declaration, or the last of the `cookie.setX(…);` statements that directly follow it. */
function lastSetupStatement(module: JavaModule, declaration: SyntaxNode, variable: string): SyntaxNode {
  let last = declaration;
  for (let next = declaration.nextSibling; next; next = next.nextSibling) {
    if (next.name === 'LineComment' || next.name === 'BlockComment') continue;
    const call =
      next.name === 'ExpressionStatement' && next.firstChild ? callOf(module, next.firstChild) : null;
    if (
      !call ||
      call.receiver?.name !== 'Identifier' ||
      textOf(module, call.receiver) !== variable ||
      !call.name.startsWith('set')
    )
      break;
    last = next;
  }
  return last;
}

/**
 * Where the method body first passes the variable to `addCookie` of an `HttpServletResponse` after `from`, or
 * -1 when it never does.
 */
function addedToResponse(module: JavaModule, body: SyntaxNode, variable: string, from: number): number {
  let added = -1;
  body.cursor().iterate((ref) => {
    if (added !== -1) return false;
    if (ref.to < from) return false;
    const call = callOf(module, ref.node);
    if (!call || call.name !== 'addCookie' || call.args.length !== 1) return true;
    const argument = call.args[0]!;
    if (argument.name !== 'Identifier' || textOf(module, argument) !== variable) return true;
    if (call.receiver && isServletResponse(module, call.receiver)) added = call.node.from;
    return true;
  });
  return added;
}

/** `response` declared as `HttpServletResponse`, or `((HttpServletResponse) res)`. */
function isServletResponse(module: JavaModule, receiver: SyntaxNode): boolean {
  if (receiver.name === 'Identifier') {
    return namesClass(module, declaredType(module, receiver, textOf(module, receiver)), RESPONSE);
  }
  const cast = receiver.name === 'ParenthesizedExpression' ? receiver.getChild('CastExpression') : null;
  return (
    cast !== null &&
    namesClass(module, cast.getChild('TypeName') ?? cast.getChild('ScopedTypeName'), RESPONSE)
  );
}

/**
 * What makes a nested call conditional, for the report: `if (<condition>)` of the innermost `if` around it, or
 * the block statement that holds it (`for (…) { … }`), or the call itself when that is too long to quote.
 */
function guardText(module: JavaModule, call: SyntaxNode, block: SyntaxNode): string {
  let statement = call;
  for (let current = call.parent; current && current !== block; current = current.parent) {
    const condition = current.name === 'IfStatement' ? current.getChild('ParenthesizedExpression') : null;
    if (condition) return `if ${textOf(module, condition).replace(/\s+/g, ' ')}`;
    statement = current;
  }
  const text = textOf(module, statement).replace(/\s+/g, ' ');
  return text.length <= 100 ? text : textOf(module, call);
}
