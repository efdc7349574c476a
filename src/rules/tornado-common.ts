// Facts about Tornado code shared by the Tornado rules.
import type { SyntaxNode } from '@lezer/common';
import {
  enclosingClass,
  methodOwner,
  parameterAnnotation,
  resolveClass,
  type FrameworkClasses,
  type MethodOwner,
} from '../languages/py-classes.js';
import { enclosingFunction, type PyArgument, type PyModule } from '../languages/python.js';
import type { PyRuleContext } from './rule.js';

const OTHER_WEB_FRAMEWORKS =
  /^\s*(?:from|import)\s+(?:flask|django|starlette|fastapi|aiohttp|werkzeug|quart|sanic|pyramid|bottle|falcon)\b/m;

export function importsTornado(module: PyModule): boolean {
  for (const binding of module.imports.values()) {
    if (binding.module === 'tornado' || binding.module.startsWith('tornado.')) return true;
  }
  return false;
}

export function importsOtherWebFramework(module: PyModule): boolean {
  return OTHER_WEB_FRAMEWORKS.test(module.text);
}

/** Tornado matched cookie keyword arguments case-insensitively before 6.3; `HttpOnly=True` still counts. */
export function tornadoKey(key: string): string {
  return key.toLowerCase();
}

export const TORNADO_COOKIE_METHODS = new Set(['set_cookie', 'set_signed_cookie', 'set_secure_cookie']);

/** Tornado's handler classes own the cookie methods; its mixins and Python's own bases change nothing. */
const TORNADO_CLASSES: FrameworkClasses = {
  owns: (name) => /^tornado\.[\w.]*Handler$/.test(name),
  neutral: (name) => /^(?:tornado|builtins|typing|abc)\./.test(name),
};

/** What a parameter or attribute holding a Tornado handler is called in practice. */
const HANDLER_NAME = /^(?:\w*_)?handler$/i;

/** Whether a cookie call is made on a Tornado handler, and why not when it is not (or cannot be known). */
export type TornadoReceiver =
  { kind: 'handler' } | { kind: 'not-handler'; reason: string } | { kind: 'unknown'; reason: string };

/**
 * Decides whose `method` a call `callee(...)` reaches. `self` inside a class: the class's hierarchy, followed
 * across the project's modules, must reach a Tornado handler class before any project class defining the
 * method itself. A variable: its annotation decides, else a name like `handler` in a Tornado project.
 */
export function tornadoReceiver(
  module: PyModule,
  call: SyntaxNode,
  callee: readonly string[],
  context: PyRuleContext,
): TornadoReceiver {
  const method = callee.at(-1)!;
  const receiver = callee.at(-2)!;
  if (callee.length === 2 && receiver === 'self') {
    const cls = enclosingClass(module, call);
    const owner = cls ? methodOwner(cls, method, TORNADO_CLASSES, context.load) : null;
    // Outside a class, or in a mixin that calls a method nothing in its hierarchy defines: the method comes
    // from the handler it is mixed into, as long as the module is Tornado code.
    if (!cls || owner?.kind === 'none') {
      return importsTornado(module) || !importsOtherWebFramework(module)
        ? { kind: 'handler' }
        : { kind: 'not-handler', reason: 'not in a Tornado handler' };
    }
    return fromOwner(owner!, cls.name, method);
  }
  if (callee.length === 2) {
    const wrapper = enclosingFunction(module, call);
    const annotation = wrapper ? parameterAnnotation(module, wrapper.node, receiver) : null;
    if (annotation) {
      const resolved = resolveClass(module, annotation, context.load);
      if (resolved.kind === 'class') {
        return fromOwner(
          methodOwner(resolved.cls, method, TORNADO_CLASSES, context.load),
          resolved.cls.name,
          method,
        );
      }
      if (resolved.kind === 'external' && TORNADO_CLASSES.owns(resolved.name)) return { kind: 'handler' };
      if (resolved.kind === 'external' && TORNADO_CLASSES.neutral(resolved.name))
        return { kind: 'not-handler', reason: `\`${receiver}\` is a \`${resolved.name}\`` };
    }
  }
  if (HANDLER_NAME.test(receiver) && (importsTornado(module) || context.project.some(importsTornado)))
    return { kind: 'handler' };
  return { kind: 'not-handler', reason: `\`${receiver}\` is not known to be a Tornado handler` };
}

function fromOwner(owner: MethodOwner, className: string, method: string): TornadoReceiver {
  switch (owner.kind) {
    case 'framework':
      return { kind: 'handler' };
    case 'own':
      return {
        kind: 'not-handler',
        reason: `\`${owner.cls.name}\` defines its own \`${method}\``,
      };
    case 'none':
      return { kind: 'not-handler', reason: `\`${className}\` is not a Tornado handler` };
    case 'unknown':
      return {
        kind: 'unknown',
        reason: `\`${className}\` derives from \`${owner.base}\`, which is outside the project, so it may not be Tornado's \`${method}\``,
      };
  }
}

/**
 * Keyword names Tornado's `set_cookie` accepts (its own parameters and the `http.cookies.Morsel` attributes
 * its `**kwargs` are written to); `set_signed_cookie` adds `version` and forwards the rest.
 */
const TORNADO_KEYWORDS = new Set([
  'name',
  'value',
  'domain',
  'expires',
  'path',
  'expires_days',
  'max_age',
  'httponly',
  'secure',
  'samesite',
  'comment',
  'version',
  'partitioned',
]);

/** Why a call's arguments cannot be Tornado's (`set_cookie(name, value, domain, expires, path, expires_days)`). */
export function tornadoArgumentMismatch(method: string, args: readonly PyArgument[]): string | null {
  const positional = args.filter((argument) => argument.kind === 'positional').length;
  const limit = method === 'set_cookie' ? 6 : 4;
  if (positional > limit) {
    return `Tornado's \`${method}\` takes at most ${limit} positional arguments and this call passes ${positional}, so it may be another method of that name`;
  }
  const unknown = args.find(
    (argument) => argument.kind === 'keyword' && !TORNADO_KEYWORDS.has(tornadoKey(argument.name ?? '')),
  );
  if (unknown) {
    return `Tornado's \`${method}\` has no \`${unknown.name}\` keyword, so this may be another method of that name`;
  }
  return null;
}
