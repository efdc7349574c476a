// Sanic's older cookie style: `response.cookies[name] = value`, then `response.cookies[name]["httponly"] = True`
// and `["secure"] = True`. A cookie made this way carries no flag until one is assigned (before 23.3 there was
// nothing else; from 23.3 the jar adds it with `secure=False, samesite=None` and warns that the style is
// deprecated; 24.12 removed it). Missing flags are added as more assignments in the same style, after the
// cookie's last one.
import type { SyntaxNode } from '@lezer/common';
import { resolveClass } from '../languages/py-classes.js';
import {
  assignedValue,
  childrenOf,
  dottedName,
  enclosingFunction,
  evaluatePyFlag,
  localAssignment,
  callParts,
  pyStatementsContainer,
  stringLiteral,
  textOf,
  type PyModule,
} from '../languages/python.js';
import type { CookieSite, FlagValue } from '../model.js';
import { isPyCookieDeletion } from './py-call-site-common.js';
import { owningFramework } from './py-framework-common.js';
import type { PyRule, PyRuleContext } from './rule.js';

const ID = 'sanic-cookies-dict';

export const sanicCookiesDict: PyRule = {
  meta: {
    id: ID,
    framework: 'sanic',
    language: 'python',
    api: 'response.cookies[name] = value',
    description:
      'Sanic cookies set the older way, `response.cookies[name] = value` with flags as `response.cookies[name]["secure"] = True`.',
    defaults: { httpOnly: 'off', secure: 'off' },
  },
  findSites(module, context) {
    if (!module.text.includes('.cookies[') || owningFramework(module, context.project) !== 'sanic') return [];
    const sites: CookieSite[] = [];
    module.tree.iterate({
      enter(ref) {
        if (ref.name !== 'AssignStatement') return;
        const site = siteOf(module, ref.node, context);
        if (site) sites.push(site);
        return false;
      },
    });
    return sites;
  },
};

interface Subscript {
  /** `response.cookies` as written. */
  jar: string;
  receiver: string[];
  /** The cookie's name expression as written. */
  key: string;
  keyNode: SyntaxNode;
  /** The attribute for `jar[key][attribute]`, or null for `jar[key]` itself. */
  attribute: string | null;
}

/** `x.cookies[key]` or `x.cookies[key]["attribute"]` as an assignment target. */
function subscriptOf(module: PyModule, target: SyntaxNode | null): Subscript | null {
  if (target?.name !== 'MemberExpression') return null;
  const outer = childrenOf(target);
  if (outer[1]?.name !== '[' || !outer[0] || !outer[2]) return null;
  const inner = outer[0].name === 'MemberExpression' ? childrenOf(outer[0]) : [];
  if (inner[1]?.name === '[' && inner[0] && inner[2]) {
    const attribute = stringLiteral(module, outer[2]);
    const jar = dottedName(module, inner[0]);
    if (attribute === null || !jar || jar.at(-1) !== 'cookies') return null;
    return {
      jar: textOf(module, inner[0]),
      receiver: jar.slice(0, -1),
      key: textOf(module, inner[2]),
      keyNode: inner[2],
      attribute,
    };
  }
  const jar = dottedName(module, outer[0]);
  if (!jar || jar.at(-1) !== 'cookies') return null;
  return {
    jar: textOf(module, outer[0]),
    receiver: jar.slice(0, -1),
    key: textOf(module, outer[2]),
    keyNode: outer[2],
    attribute: null,
  };
}

function siteOf(module: PyModule, statement: SyntaxNode, context: PyRuleContext): CookieSite | null {
  const cookie = subscriptOf(module, statement.firstChild);
  const value = assignedValue(statement);
  if (!cookie || cookie.attribute !== null || !value) return null;
  // A request's cookies are read, not sent; `self.cookies` is a class of the project's own.
  const owner = cookie.receiver.at(-1);
  if (!owner || cookie.receiver.length !== 1 || /^(?:req|request|self|cls)$/.test(owner)) return null;
  if (!isSanicResponse(module, statement, owner, context)) return null;

  // The cookie's attribute assignments that follow in the same block, up to the next write of the cookie.
  const run: SyntaxNode[] = [statement];
  const attributes = new Map<string, SyntaxNode>();
  for (let next = statement.nextSibling; next; next = next.nextSibling) {
    if (next.name !== 'AssignStatement') {
      if (/^(?:ExpressionStatement|PassStatement)$/.test(next.name)) continue;
      break;
    }
    const write = subscriptOf(module, next.firstChild);
    if (!write || write.jar !== cookie.jar || write.key !== cookie.key) continue;
    if (write.attribute === null) break;
    const attributeValue = assignedValue(next);
    if (!attributeValue) continue;
    attributes.set(write.attribute.toLowerCase(), attributeValue);
    run.push(next);
  }
  const attribute = (name: string) => attributes.get(name);
  if (isPyCookieDeletion(module, value, (name) => attribute(name === 'max_age' ? 'max-age' : name)))
    return null;
  const flag = (name: string): FlagValue => {
    const node = attributes.get(name);
    return node ? evaluatePyFlag(module, node) : { kind: 'absent' };
  };
  const name = stringLiteral(module, cookie.keyNode);
  const quote = /^[a-zA-Z]*(['"])/.exec(cookie.key)?.[1] ?? '"';
  return {
    ruleId: ID,
    file: module.file,
    offset: statement.from,
    cookieNames: name === null ? [] : [name],
    valueText: textOf(module, value),
    flags: { httpOnly: flag('httponly'), secure: flag('secure') },
    keys: { httpOnly: 'httponly', secure: 'secure' },
    insertion: {
      container: pyStatementsContainer(
        module,
        statement.from,
        run,
        `${cookie.jar}[${cookie.key}][${quote}{key}${quote}] = True`,
      ),
      nest: [],
    },
    usedAt: [],
    notes: [
      'Sanic deprecated this style in 23.3 and removed it in 24.12; on newer versions use `response.add_cookie(name, value, httponly=True)`, which is Secure by default.',
    ],
  };
}

/**
 * The receiver is a Sanic response: not a local built from a class of the project's own or of another
 * library (`jar = MyCookies()`).
 */
function isSanicResponse(
  module: PyModule,
  at: SyntaxNode,
  receiver: string,
  context: PyRuleContext,
): boolean {
  const wrapper = enclosingFunction(module, at);
  const assigned = wrapper ? localAssignment(module, wrapper.node, receiver, at.from) : null;
  const constructor = assigned?.name === 'CallExpression' ? callParts(assigned)?.callee : undefined;
  if (!constructor) return true;
  const resolved = resolveClass(module, constructor, context.load);
  if (resolved.kind === 'class') return false;
  return resolved.kind !== 'external' || resolved.name.split('.')[0] === 'sanic';
}
