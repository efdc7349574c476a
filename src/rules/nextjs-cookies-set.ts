// Next.js: `cookies().set(…)` from 'next/headers' (sync, or awaited since v15) and `NextResponse#cookies.set`
// from 'next/server', each as `(name, value, options)` or one object `({ name, value, …options })`. Only
// `path` gets a default; HttpOnly and Secure are off unless written.
import {
  calleeName,
  callsOf,
  declarationOf,
  localInitOf,
  memberPropertyName,
  stringValue,
  unwrap,
  unwrapAwait,
  type JsModule,
  type JsNode,
  type JsPath,
} from '../languages/javascript.js';
import type { CookieSite } from '../model.js';
import type { JsRule } from './rule.js';
import { isCall, isMember, namesOf, optionString, siteFromCall } from './js-site.js';

export const nextjsCookiesSet: JsRule = {
  meta: {
    id: 'nextjs-cookies-set',
    framework: 'nextjs',
    language: 'javascript',
    api: 'cookies().set() / NextResponse#cookies.set()',
    description: 'Next.js `cookies().set(…)` and `response.cookies.set(…)`, positional or single-object.',
    defaults: { httpOnly: 'off', secure: 'off' },
  },
  findSites(module, { load }) {
    if (!importsNext(module)) return [];
    const sites: CookieSite[] = [];
    for (const call of callsOf(module)) {
      const node = call.node;
      if (!isCall(node) || calleeName(node) !== 'set') continue;
      const callee = unwrap(node.callee);
      if (!isMember(callee)) continue;
      const receiverPath = call.get('callee', 'object');
      const args = node.arguments as JsNode[];
      if (
        !isHeadersCookies(module, callee.object, receiverPath) &&
        !isResponseCookies(module, callee.object, receiverPath) &&
        !(args.length === 3 && isOtherResponseCookies(module, callee.object, receiverPath))
      )
        continue;
      const single = args.length === 1;
      if (!single && (args.length < 2 || args.length > 3)) continue;
      const name = single
        ? optionString(module, args[0], call.get('arguments', 0), 'name', load)
        : stringValue(args[0]);
      const site = siteFromCall({
        ruleId: this.meta.id,
        module,
        call,
        optionsIndex: single ? 0 : 2,
        keys: { httpOnly: 'httpOnly', secure: 'secure' },
        cookieNames: namesOf(name),
        load,
      });
      if (site) sites.push(site);
    }
    return sites;
  },
};

function importsNext(module: JsModule): boolean {
  for (const binding of module.imports.values()) {
    if (binding.source === 'next/headers' || binding.source === 'next/server') return true;
  }
  return false;
}

/** `cookies()`, `await cookies()`, or a local holding one of them; `cookies` imported from 'next/headers'. */
function isHeadersCookies(module: JsModule, node: JsNode, path: JsPath): boolean {
  let value = unwrapAwait(node);
  if (value?.type === 'Identifier') {
    const init = localInitOf(path, value.name);
    if (!init) return false;
    value = unwrapAwait(init.node);
  }
  if (value?.type !== 'CallExpression') return false;
  const callee = unwrap(value.callee);
  if (callee.type !== 'Identifier') return false;
  const binding = module.imports.get(callee.name);
  return binding?.source === 'next/headers' && binding.imported === 'cookies';
}

/** `<response>.cookies` where the response is made by NextResponse, or a parameter typed as one. */
function isResponseCookies(module: JsModule, node: JsNode, path: JsPath): boolean {
  const member = unwrap(node);
  if (member?.type !== 'MemberExpression' || memberPropertyName(member) !== 'cookies') return false;
  let owner = unwrapAwait(member.object);
  if (owner?.type === 'Identifier') {
    const init = localInitOf(path, owner.name);
    if (init) owner = unwrapAwait(init.node);
    else return isTypedAsNextResponse(module, declarationOf(path, owner.name));
  }
  if (owner?.type !== 'CallExpression' && owner?.type !== 'NewExpression') return false;
  const callee = unwrap(owner.callee);
  const base = callee.type === 'MemberExpression' ? unwrap(callee.object) : callee;
  return base.type === 'Identifier' && isNextResponse(module, base.name);
}

/**
 * `response.cookies.set(name, value, options)` on a response some other function made (an i18n or auth
 * middleware's `handle(request)`): in a file using 'next/server', only a response's cookies take options —
 * `NextRequest#cookies.set` has no third argument. A name typed or called as the request is left out.
 */
function isOtherResponseCookies(module: JsModule, node: JsNode, path: JsPath): boolean {
  const member = unwrap(node);
  if (member?.type !== 'MemberExpression' || memberPropertyName(member) !== 'cookies') return false;
  const owner = unwrap(member.object);
  if (owner?.type !== 'Identifier' || /^req(uest)?$/i.test(owner.name)) return false;
  if (!importsFrom(module, 'next/server')) return false;
  const declared = declarationOf(path, owner.name);
  const annotation = declared?.node?.typeAnnotation?.typeAnnotation;
  if (annotation?.type === 'TSTypeReference' && annotation.typeName.type === 'Identifier')
    return !/Request$/.test(annotation.typeName.name);
  return declared !== null;
}

function importsFrom(module: JsModule, source: string): boolean {
  for (const binding of module.imports.values()) if (binding.source === source) return true;
  return false;
}

function isNextResponse(module: JsModule, name: string): boolean {
  const binding = module.imports.get(name);
  return binding?.source === 'next/server' && binding.imported === 'NextResponse';
}

/** A parameter declared `res: NextResponse`. */
function isTypedAsNextResponse(module: JsModule, declared: JsPath | null): boolean {
  const annotation = declared?.node?.typeAnnotation?.typeAnnotation;
  if (annotation?.type !== 'TSTypeReference' || annotation.typeName.type !== 'Identifier') return false;
  return isNextResponse(module, annotation.typeName.name);
}
