// What the ASP.NET Core rules share: whether a receiver is the framework's response, how a type from
// Microsoft.AspNetCore.Http is spelled where a fix writes it, and which options values delete a cookie.
import type { Node } from 'web-tree-sitter';
import {
  baseTypesOf,
  declaredType,
  imports,
  namesType,
  nodesOfType,
  textOf,
  varInitializer,
  type CSharpModule,
} from '../languages/csharp/parse.js';

export const HTTP_NAMESPACE = 'Microsoft.AspNetCore.Http';

/** Namespaces whose import shows that `Response` / `HttpContext` in a file are ASP.NET Core's. */
const ASPNETCORE_NAMESPACES = [
  HTTP_NAMESPACE,
  'Microsoft.AspNetCore.Mvc',
  'Microsoft.AspNetCore.Mvc.RazorPages',
];

/** Base classes whose `Response` and `HttpContext` properties are ASP.NET Core's, written out in full. */
const QUALIFIED_BASES =
  /^(?:global::)?Microsoft\.AspNetCore\.Mvc\.(?:RazorPages\.)?(?:Controller|ControllerBase|PageModel)$/;

/**
 * Whether the file (or its class) shows that `Response` / `HttpContext` are ASP.NET Core's: it imports the
 * framework, its class derives from a controller or page model named in full, or it builds the app itself
 * (`WebApplication`, whose project template imports Microsoft.AspNetCore.Http implicitly).
 */
export function inAspNetCore(module: CSharpModule, at: Node): boolean {
  return (
    imports(module, ASPNETCORE_NAMESPACES) ||
    baseTypesOf(module, at).some((base) => QUALIFIED_BASES.test(base)) ||
    /\bWebApplication\s*\.\s*Create(?:Slim)?Builder\s*\(/.test(module.text)
  );
}

/**
 * The first call before `before` in `scope` that is handed the variable `name` itself (`Bind(section, options)`,
 * `Configure(options)`), which may set anything on it; `except` is the call that sends the cookie.
 */
export function handedTo(
  module: CSharpModule,
  scope: Node,
  name: string,
  before: number,
  except?: Node,
): string | null {
  for (const node of nodesOfType(scope, ['argument'])) {
    if (node.startIndex >= before) break;
    const value = node.namedChildren.at(-1);
    if (value?.type !== 'identifier' || textOf(module.text, value) !== name) continue;
    const call = node.parent?.parent;
    if (!call || call.type !== 'invocation_expression' || (except && call.equals(except))) continue;
    const fn = call.childForFieldName('function');
    return fn ? textOf(module.text, fn) : null;
  }
  return null;
}

/**
 * The request that goes with the response owning `X.Cookies` (`Response`, `HttpContext.Response`,
 * `context.Response`, a local `HttpResponse`), as the expression that is true on HTTPS requests; undefined when
 * the owner is not ASP.NET Core's response, null when it is but its request cannot be named plainly (`?.`).
 */
export function responseRequest(module: CSharpModule, owner: Node): string | null | undefined {
  const text = module.text;
  if (owner.type === 'identifier') {
    const name = textOf(text, owner);
    const type = declaredType(module, owner, name);
    if (type)
      return namesType(text, type, HTTP_NAMESPACE, 'HttpResponse')
        ? `${name}.HttpContext.Request.IsHttps`
        : undefined;
    // `var response = HttpContext.Response;`: the response of a context, as when written in place.
    const initial = varInitializer(module, owner, name);
    if (initial?.type === 'member_access_expression' && responseRequest(module, initial) !== undefined)
      return `${name}.HttpContext.Request.IsHttps`;
    // An inherited property (a controller's or a page model's `Response`).
    return name === 'Response' && inAspNetCore(module, owner) ? 'Request.IsHttps' : undefined;
  }
  if (owner.type === 'conditional_access_expression') {
    const binding = owner.namedChildren.find((child) => child.type === 'member_binding_expression');
    const member = binding?.childForFieldName('name');
    if (!member || textOf(text, member) !== 'Response') return undefined;
    const holder = owner.childForFieldName('condition');
    return holder && holdsContext(module, holder) ? null : undefined;
  }
  if (owner.type !== 'member_access_expression') return undefined;
  const member = owner.childForFieldName('name');
  const holder = owner.childForFieldName('expression');
  if (!member || !holder || textOf(text, member) !== 'Response') return undefined;
  if (textOf(text, holder) === 'this')
    return inAspNetCore(module, owner) ? 'this.Request.IsHttps' : undefined;
  if (!holdsContext(module, holder)) return undefined;
  return `${textOf(text, holder)}.Request.IsHttps`;
}

/** `HttpContext`, `context` declared as an `HttpContext`, or anything before `.Response` in an ASP.NET Core file. */
function holdsContext(module: CSharpModule, holder: Node): boolean {
  if (holder.type === 'identifier') {
    const type = declaredType(module, holder, textOf(module.text, holder));
    if (type) return namesType(module.text, type, HTTP_NAMESPACE, 'HttpContext');
  }
  return inAspNetCore(module, holder);
}

/**
 * How a type of Microsoft.AspNetCore.Http is written in new code in this file: its simple name where the file
 * imports the namespace (or already writes the simple name in code) and declares no type of that name itself,
 * else the full name.
 */
export function httpTypeName(module: CSharpModule, simple: string, code: string): string {
  const ownType = new RegExp(`\\b(?:class|struct|record|enum|interface)\\s+${simple}\\b|\\b${simple}\\s*=`);
  if (ownType.test(code)) return `${HTTP_NAMESPACE}.${simple}`;
  if (module.usings.has(HTTP_NAMESPACE) || new RegExp(`(?<![\\w.])${simple}\\.`).test(code)) return simple;
  return `${HTTP_NAMESPACE}.${simple}`;
}

/**
 * `Expires` in the past or `MaxAge` of zero or less: the browser drops the cookie at once, so the options
 * delete it and need no flags.
 */
export function deletes(member: string, valueText: string): boolean {
  const value = valueText.replace(/\s+/g, '');
  if (member === 'Expires')
    return /\.Add(?:Years|Months|Days|Hours|Minutes|Seconds|Milliseconds|Ticks)\(-|\.MinValue$|\.UnixEpoch$|^newDateTime(?:Offset)?\((?:19\d\d|1|0),/.test(
      value,
    );
  if (member === 'MaxAge') return /^TimeSpan\.Zero$|^TimeSpan\.From\w+\((?:-|0(?:\.0*)?\))/.test(value);
  return false;
}
