// Raw `Set-Cookie` headers written by hand: `res.setHeader('Set-Cookie', …)`, Express `res.set` / `res.header`
// / `res.append`, `headers['Set-Cookie'] = …`, `{ 'Set-Cookie': … }` in `writeHead`, `new Headers(…)` or a
// Response init, and Fetch `headers.append` / `headers.set` (Workers, Deno, Bun, edge and Next.js route
// handlers). The header string is the whole cookie: nothing is on unless the text says so. Missing attributes
// are appended inside the literal when it ends in text, also when a `const` hands the string over by name.
import {
  callsOf,
  calleeName,
  forEachNode,
  memberAssignmentsOf,
  memberPropertyName,
  propertyKeyName,
  stringValue,
  unwrap,
  type JsModule,
  type JsNode,
} from '../languages/javascript.js';
import type { CookieSite } from '../model.js';
import { piecesOf, setCookieHeaderSite, stringEnd } from './cookie-string-common.js';
import type { JsRule } from './rule.js';

/** Methods that write one header: Node's `setHeader` / `appendHeader`, Express / Fastify / Hono, Fetch `Headers`. */
const HEADER_METHODS = new Set(['setHeader', 'appendHeader', 'set', 'header', 'append']);
const MENTION = /set-cookie/i;

export const jsSetCookieHeader: JsRule = {
  meta: {
    id: 'js-set-cookie-header',
    framework: 'set-cookie-header',
    language: 'javascript',
    api: "setHeader('Set-Cookie', …)",
    description:
      'Cookie strings written as raw `Set-Cookie` headers (`res.setHeader`, `res.set`, `writeHead`, `Headers`, header objects).',
    defaults: { httpOnly: 'off', secure: 'off' },
  },
  findSites(module) {
    if (!MENTION.test(module.text)) return [];
    const values: JsNode[] = [];
    for (const call of callsOf(module)) {
      const node = call.node;
      if (node.type !== 'CallExpression' && node.type !== 'OptionalCallExpression') continue;
      const callee = unwrap(node.callee);
      if (callee.type !== 'MemberExpression' && callee.type !== 'OptionalMemberExpression') continue;
      const args = node.arguments as JsNode[];
      if (args.length !== 2 || !HEADER_METHODS.has(calleeName(node) ?? '')) continue;
      if (!isSetCookie(args[0])) continue;
      values.push(args[1]);
    }
    for (const assignment of memberAssignmentsOf(module)) {
      const node = assignment.node;
      const target = unwrap(node.left);
      if (node.operator !== '=' || !target.computed || !isSetCookieName(memberPropertyName(target))) continue;
      values.push(node.right);
    }
    // `{ 'Set-Cookie': … }`: a header map, whichever call or constructor it is handed to; and
    // `new Headers([['Set-Cookie', …]])`: a name-value pair.
    forEachNode(module.ast.program, (node) => {
      if (node.type === 'ObjectProperty' && isSetCookieName(propertyKeyName(node))) {
        values.push(node.value);
      } else if (
        node.type === 'ArrayExpression' &&
        node.elements.length === 2 &&
        isSetCookie(node.elements[0])
      ) {
        values.push(node.elements[1]);
      }
    });

    const sites: CookieSite[] = [];
    const seen = new Set<number>();
    for (const written of values) {
      // `const cookie = \`sid=…; Path=/\`` handed over by name: the string is edited where it is written.
      const value = constantString(module, written) ?? written;
      if (seen.has(unwrap(value).start)) continue;
      seen.add(unwrap(value).start);
      const unwrapped = unwrap(value);
      const strings = unwrapped.type === 'ArrayExpression' ? (unwrapped.elements as JsNode[]) : [value];
      for (const string of strings) {
        if (!string || string.type === 'SpreadElement') continue;
        const site = siteOf(module, this.meta.id, string);
        if (site) sites.push(site);
      }
    }
    return sites;
  },
};

/**
 * The string a name stands for, when the file declares that name exactly once, as a `const` holding a string
 * literal, a template or a `+` chain, and no function takes a parameter of that name.
 */
function constantString(module: JsModule, node: JsNode): JsNode | null {
  const name = unwrap(node);
  if (name?.type !== 'Identifier') return null;
  const declared = declarationsOf(module).get(name.name);
  if (declared?.count !== 1 || !declared.init) return null;
  const value = unwrap(declared.init);
  return /^(StringLiteral|TemplateLiteral|BinaryExpression)$/.test(value.type) ? value : null;
}

interface Declared {
  /** Variable declarators plus functions with a parameter (or pattern) mentioning the name. */
  count: number;
  /** The last declarator's value when it is a `const`. */
  init: JsNode | null;
}

const declarationCache = new WeakMap<JsModule, Map<string, Declared>>();

/** How often each name is declared in the module: one walk, however many headers ask. */
function declarationsOf(module: JsModule): Map<string, Declared> {
  const cached = declarationCache.get(module);
  if (cached) return cached;
  const found = new Map<string, Declared>();
  const entry = (name: string) => {
    let declared = found.get(name);
    if (!declared) {
      declared = { count: 0, init: null };
      found.set(name, declared);
    }
    return declared;
  };
  forEachNode(module.ast.program, (candidate) => {
    if (candidate.type === 'VariableDeclaration') {
      for (const declarator of candidate.declarations as JsNode[]) {
        if (declarator.id.type !== 'Identifier') continue;
        const declared = entry(declarator.id.name);
        declared.count++;
        declared.init = candidate.kind === 'const' ? (declarator.init ?? null) : null;
      }
    } else if (/Function|Method/.test(candidate.type) && Array.isArray(candidate.params)) {
      const names = new Set<string>();
      for (const param of candidate.params as JsNode[]) {
        forEachNode(param, (inner) => {
          if (inner.type === 'Identifier') names.add(inner.name);
        });
      }
      for (const name of names) entry(name).count++;
    }
  });
  declarationCache.set(module, found);
  return found;
}

function isSetCookie(node: JsNode): boolean {
  return node ? isSetCookieName(stringValue(node)) : false;
}

function isSetCookieName(name: string | null): boolean {
  return name !== null && name.toLowerCase() === 'set-cookie';
}

/** One cookie string, or null when nothing of it is written here (built by a serializer elsewhere). */
function siteOf(module: JsModule, ruleId: string, value: JsNode): CookieSite | null {
  const pieces = piecesOf(value);
  const node = unwrap(value);
  return setCookieHeaderSite({
    ruleId,
    file: module.file,
    text: module.text,
    pieces,
    span: { start: node.start, end: node.end },
    end: stringEnd(module, pieces),
    spanOf: (piece) => ({ start: piece.start, end: piece.end }),
  });
}
