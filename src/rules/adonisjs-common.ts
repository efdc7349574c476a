// What marks AdonisJS code, shared by its rules and by the Express rule, which must leave AdonisJS's
// `response.cookie` alone: both frameworks spell the call the same way, with different defaults.
import {
  declarationOf,
  localInitOf,
  unwrap,
  type JsModule,
  type JsNode,
  type JsPath,
} from '../languages/javascript.js';

/** v6 packages (`@adonisjs/core/http`, `@adonisjs/session`) and v5's container aliases (`@ioc:Adonis/Core/Route`). */
const ADONIS_SOURCES = /^(@adonisjs\/|@ioc:Adonis\/)/;

const adonisFiles = new WeakMap<JsModule, boolean>();

/** The module imports AdonisJS (controllers import `HttpContext`, route files the router). */
export function isAdonisFile(module: JsModule): boolean {
  let found = adonisFiles.get(module);
  if (found === undefined) {
    found = [...module.imports.values()].some((binding) => ADONIS_SOURCES.test(binding.source));
    adonisFiles.set(module, found);
  }
  return found;
}

/** A source an AdonisJS config helper or type comes from (`@adonisjs/core/http`, `@ioc:Adonis/Core/Server`). */
export function isAdonisSource(source: string): boolean {
  return ADONIS_SOURCES.test(source);
}

/**
 * The receiver of a `.cookie(…)` call is AdonisJS's response: a `response` taken out of the HTTP context by
 * destructuring (`async ({ response }) => …`, `const { response } = ctx`) anywhere, since no Express or Koa
 * object has such a property with a `cookie` method; or, in a file that imports AdonisJS, a name or property
 * called `response` (`ctx.response`, `this.ctx.response`). A `const` that holds one of these
 * (`const res = ctx.response`) is the response too.
 */
export function isAdonisResponse(
  module: JsModule,
  receiver: JsNode,
  receiverPath: JsPath,
  hops = 0,
): boolean {
  const value = unwrap(receiver);
  if (value?.type === 'Identifier') {
    if (destructuredAsResponse(receiverPath, value.name)) return true;
    const alias = hops < MAX_ALIAS_HOPS ? constantValue(receiverPath, value.name) : null;
    if (alias && isAdonisResponse(module, alias.node, alias.path, hops + 1)) return true;
  }
  if (!isAdonisFile(module)) return false;
  if (value?.type === 'Identifier') return value.name === 'response';
  if (value?.type === 'MemberExpression' || value?.type === 'OptionalMemberExpression') {
    const property = value.property;
    return !value.computed && property?.type === 'Identifier' && property.name === 'response';
  }
  return false;
}

/** Aliases of aliases are followed this far (and a `const a = b, b = a` loop ends). */
const MAX_ALIAS_HOPS = 4;

/** The value a local `const` is declared with; a `let` may be given another object later. */
function constantValue(path: JsPath, name: string): { node: JsNode; path: JsPath } | null {
  const init = localInitOf(path, name);
  return init?.path.parent?.parent?.node?.kind === 'const' ? init : null;
}

/** `name` is bound by an object pattern's `response` entry (`{ response }` or `{ response: res }`). */
function destructuredAsResponse(path: JsPath, name: string): boolean {
  const declared = declarationOf(path, name);
  // `parent` skips the array paths ast-types' NodePath puts between a pattern and its entries.
  const property = declared?.parent?.node;
  if (property?.type !== 'ObjectProperty' && property?.type !== 'Property') return false;
  if (property.value !== declared.node) return false;
  const key = property.key;
  const keyName = key?.type === 'Identifier' ? key.name : key?.type === 'StringLiteral' ? key.value : null;
  return keyName === 'response' && declared.parent.parent?.node?.type === 'ObjectPattern';
}
