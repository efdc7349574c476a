// Frameworks that hand each handler a context whose cookie jar has `set(name, value, options)`: Astro's
// `context.cookies`, Oak's `ctx.cookies`, Qwik City's `requestEvent.cookie`. Which file is whose is decided by
// each rule; this only recognises the call's shape on the jar.
import {
  calleeName,
  declaredInFunction,
  memberPropertyName,
  unwrap,
  type JsModule,
  type JsNode,
  type JsPath,
} from '../languages/javascript.js';
import type { CookieSite } from '../model.js';
import type { JsModuleLoader } from '../languages/js-options.js';
import { isCall, isMember, nameValueOptionsSite, takesNameValueOptions } from './js-site.js';

/**
 * `<context>.<jar>.<method>(name, value, options?)` or, with the context destructured, `<jar>.<method>(…)`;
 * a bare `jar` declared at the top of the module (an import, a module variable) is not the context's.
 */
export function isContextJarCall(call: JsPath, jar: string, methods: readonly string[]): boolean {
  const node: JsNode = call.node;
  if (!isCall(node) || !methods.includes(calleeName(node) ?? '')) return false;
  const callee = unwrap(node.callee);
  if (!isMember(callee) || !takesNameValueOptions(node)) return false;
  const receiver = unwrap(callee.object);
  if (receiver.type === 'Identifier') return receiver.name === jar && declaredInFunction(call, jar);
  if (!isMember(receiver) || memberPropertyName(receiver) !== jar) return false;
  const owner = unwrap(receiver.object);
  return owner.type === 'Identifier' || owner.type === 'ThisExpression';
}

/** The site of a `set(name, value, options?)` call on a context's jar; null for a deletion. */
export function contextJarSite(
  ruleId: string,
  module: JsModule,
  call: JsPath,
  load: JsModuleLoader,
): CookieSite | null {
  const args = call.node.arguments as JsNode[];
  // `set(name, null)` / `set(name, undefined)` deletes (Oak) or writes nothing worth protecting.
  const value = unwrap(args[1]);
  if (value.type === 'NullLiteral' || (value.type === 'Identifier' && value.name === 'undefined'))
    return null;
  return nameValueOptionsSite(ruleId, module, call, load);
}
