// Which Python web framework a module belongs to, decided from its imports. Several frameworks spell a cookie
// call `response.set_cookie(...)`; the imports say whose defaults apply, so each call is claimed by one rule.
import type { SyntaxNode } from '@lezer/common';
import {
  enclosingClass,
  methodOwner,
  receiverClass,
  resolveClass,
  type FrameworkClasses,
  type PyClass,
} from '../languages/py-classes.js';
import { assignedValue, dottedName, type PyArgument, type PyModule } from '../languages/python.js';
import type { PyRuleContext } from './rule.js';
import { importsTornado } from './tornado-common.js';

export type PyFramework =
  | 'tornado'
  | 'aiohttp'
  | 'starlette'
  | 'django'
  | 'flask'
  | 'bottle'
  | 'falcon'
  | 'sanic'
  | 'litestar'
  | 'pyramid';

/**
 * Most specific first: a FastAPI app importing a Werkzeug helper is still a FastAPI app, and so is a Bottle,
 * Falcon, Sanic or Litestar app that hashes passwords with `werkzeug.security`.
 */
const PRIORITY: readonly PyFramework[] = [
  'tornado',
  'aiohttp',
  'starlette',
  'bottle',
  'falcon',
  'sanic',
  'litestar',
  'django',
  'flask',
  'pyramid',
];

const PACKAGES: Record<Exclude<PyFramework, 'tornado'>, readonly string[]> = {
  aiohttp: ['aiohttp'],
  starlette: ['starlette', 'fastapi'],
  django: ['django'],
  // Quart and Flask both answer with Werkzeug-style responses.
  flask: ['flask', 'werkzeug', 'quart'],
  bottle: ['bottle'],
  falcon: ['falcon'],
  sanic: ['sanic'],
  litestar: ['litestar'],
  // Pyramid's Response is WebOb's.
  pyramid: ['pyramid', 'webob'],
};

const moduleCache = new WeakMap<PyModule, Set<PyFramework>>();

/** The frameworks a module imports from (top-level package of each import). */
export function frameworksOf(module: PyModule): Set<PyFramework> {
  let found = moduleCache.get(module);
  if (found) return found;
  found = new Set();
  if (importsTornado(module)) found.add('tornado');
  for (const binding of module.imports.values()) {
    const top = binding.module.split('.')[0] ?? '';
    for (const [framework, packages] of Object.entries(PACKAGES)) {
      if (packages.includes(top)) found.add(framework as PyFramework);
    }
  }
  moduleCache.set(module, found);
  return found;
}

const projectCache = new WeakMap<readonly PyModule[], Set<PyFramework>>();

export function projectFrameworks(project: readonly PyModule[]): Set<PyFramework> {
  let found = projectCache.get(project);
  if (!found) {
    found = new Set(project.flatMap((module) => [...frameworksOf(module)]));
    projectCache.set(project, found);
  }
  return found;
}

/**
 * The framework whose `set_cookie` a module calls: its own imports first; a module importing none (a helper
 * taking `response` as a parameter) belongs to the project's framework when the project uses only one.
 */
export function owningFramework(module: PyModule, project: readonly PyModule[]): PyFramework | null {
  const own = frameworksOf(module);
  const pick = (set: Set<PyFramework>) => PRIORITY.find((framework) => set.has(framework)) ?? null;
  if (own.size > 0) return pick(own);
  const all = projectFrameworks(project);
  return all.size === 1 ? pick(all) : null;
}

/** The response classes of each framework own `set_cookie`; its other classes are neither here nor there. */
function responseClasses(framework: PyFramework): FrameworkClasses {
  const packages = framework === 'tornado' ? ['tornado'] : PACKAGES[framework];
  const top = (name: string) => name.split('.')[0] ?? '';
  return {
    owns: (name) => packages.includes(top(name)) && /Response\w*$/.test(name),
    neutral: (name) => packages.includes(top(name)) || /^(?:builtins|typing|abc)\./.test(name),
  };
}

export type ResponseReceiver =
  { kind: 'framework' } | { kind: 'not-framework'; reason: string } | { kind: 'unknown'; reason: string };

/**
 * Whether `receiver.set_cookie(...)` reaches the framework's method. `self` in a class, a local built by a
 * constructor (`resp = AppResponse(...)`) and an annotated parameter are decided by their class hierarchy;
 * any other response (`make_response(...)`, a view's `response`) is the app's `response_class`, which a
 * Flask project may replace with its own class whose `set_cookie` sets the flags itself.
 */
export function responseReceiver(
  module: PyModule,
  call: SyntaxNode,
  callee: readonly string[],
  framework: PyFramework,
  context: PyRuleContext,
): ResponseReceiver {
  const method = callee.at(-1)!;
  const receiver = callee.at(-2)!;
  const classes = responseClasses(framework);
  const judge = (cls: PyClass): ResponseReceiver | null => {
    const owner = methodOwner(cls, method, classes, context.load);
    switch (owner.kind) {
      case 'framework':
        return { kind: 'framework' };
      case 'own':
        return { kind: 'not-framework', reason: `\`${owner.cls.name}\` defines its own \`${method}\`` };
      case 'none':
        // Nothing in the hierarchy defines it: a mixin that gets it from the response it is mixed into.
        return null;
      case 'unknown':
        return {
          kind: 'unknown',
          reason: `\`${cls.name}\` derives from \`${owner.base}\`, which is outside the project, so it may not be the framework's \`${method}\``,
        };
    }
  };
  if (callee.length === 2 && receiver === 'self') {
    const cls = enclosingClass(module, call);
    const verdict = cls ? judge(cls) : null;
    if (verdict) return verdict;
  } else if (callee.length === 2) {
    const resolved = receiverClass(module, call, receiver, context.load);
    if (resolved) {
      const verdict = resolved.kind === 'class' ? judge(resolved.cls) : null;
      if (verdict) return verdict;
      if (resolved.kind === 'external' && classes.owns(resolved.name)) return { kind: 'framework' };
    }
  }
  const replaced = framework === 'flask' ? ownResponseClass(context, method) : null;
  if (replaced) {
    return {
      kind: 'not-framework',
      reason: `the app's \`response_class\` \`${replaced.name}\` defines its own \`${method}\``,
    };
  }
  return { kind: 'framework' };
}

const responseClassCache = new WeakMap<readonly PyModule[], Map<string, PyClass | null>>();

/** A `response_class = AppResponse` (on the app or in a Flask subclass) whose class defines `method`. */
function ownResponseClass(context: PyRuleContext, method: string): PyClass | null {
  let byMethod = responseClassCache.get(context.project);
  if (!byMethod) {
    byMethod = new Map();
    responseClassCache.set(context.project, byMethod);
  }
  if (byMethod.has(method)) return byMethod.get(method) ?? null;
  let found: PyClass | null = null;
  const classes = responseClasses('flask');
  for (const module of modulesAndTheirImports(context)) {
    if (found || !module.text.includes('response_class')) continue;
    module.tree.iterate({
      enter(ref) {
        if (found || ref.name !== 'AssignStatement') return found === null;
        const target = ref.node.firstChild;
        const value = assignedValue(ref.node);
        const name = target ? dottedName(module, target)?.at(-1) : undefined;
        if (name !== 'response_class' || !value) return false;
        const resolved = resolveClass(module, value, context.load);
        if (resolved.kind !== 'class') return false;
        const owner = methodOwner(resolved.cls, method, classes, context.load);
        if (owner.kind === 'own') found = owner.cls;
        return false;
      },
    });
  }
  byMethod.set(method, found);
  return found;
}

/**
 * The scanned modules, the project modules they import and the packages around them: the line that
 * installs a response class (`app.response_class = AppResponse`) usually sits in the app factory, which
 * mentions no cookie.
 */
function modulesAndTheirImports(context: PyRuleContext): PyModule[] {
  const found = new Set<PyModule>(context.project);
  for (const module of context.project) {
    if (!frameworksOf(module).has('flask')) continue;
    // The package around a blueprint usually holds the app factory.
    for (const parent of ['.', '..', '...']) {
      const imported = context.load(module.file, parent);
      if (imported) found.add(imported);
    }
    for (const binding of module.imports.values()) {
      const imported =
        (binding.name === null
          ? null
          : context.load(module.file, joinDotted(binding.module, binding.name))) ??
        context.load(module.file, binding.module);
      if (imported) found.add(imported);
    }
  }
  return [...found];
}

function joinDotted(source: string, name: string): string {
  return source.endsWith('.') ? source + name : `${source}.${name}`;
}

/** Werkzeug's and Starlette's `set_cookie(key, value, max_age, …)`, in order; Django's lacks `partitioned`. */
const RESPONSE_KEYWORDS = [
  'key',
  'value',
  'max_age',
  'expires',
  'path',
  'domain',
  'secure',
  'httponly',
  'samesite',
  'partitioned',
];

/** Keyword names each framework's `set_cookie` accepts, and how many arguments may be positional. */
const SIGNATURES: Record<Exclude<PyFramework, 'tornado'>, { keywords: string[]; positional: number }> = {
  flask: { keywords: RESPONSE_KEYWORDS, positional: RESPONSE_KEYWORDS.length },
  django: { keywords: RESPONSE_KEYWORDS.slice(0, -1), positional: RESPONSE_KEYWORDS.length - 1 },
  starlette: { keywords: RESPONSE_KEYWORDS, positional: RESPONSE_KEYWORDS.length },
  aiohttp: {
    keywords: [
      'name',
      'value',
      'expires',
      'domain',
      'max_age',
      'path',
      'secure',
      'httponly',
      'version',
      'samesite',
      'comment',
      'partitioned',
    ],
    positional: 2,
  },
  // Bottle's `set_cookie(name, value, secret=None, digestmod=…, **options)`: the options are Morsel keys, with
  // `maxage` and `same_site` accepted as other spellings.
  bottle: {
    keywords: [
      'name',
      'value',
      'secret',
      'digestmod',
      'max_age',
      'maxage',
      'expires',
      'path',
      'domain',
      'secure',
      'httponly',
      'samesite',
      'same_site',
      'comment',
      'version',
      'partitioned',
    ],
    positional: 4,
  },
  falcon: {
    keywords: [
      'name',
      'value',
      'expires',
      'max_age',
      'domain',
      'path',
      'secure',
      'http_only',
      'same_site',
      'partitioned',
    ],
    positional: 10,
  },
  // Sanic's `add_cookie(key, value, *, …)`: every option is keyword-only.
  sanic: {
    keywords: [
      'key',
      'value',
      'path',
      'domain',
      'secure',
      'max_age',
      'expires',
      'httponly',
      'samesite',
      'partitioned',
      'comment',
      'host_prefix',
      'secure_prefix',
    ],
    positional: 2,
  },
  // Litestar's `set_cookie` has Werkzeug's order without `partitioned`.
  litestar: { keywords: RESPONSE_KEYWORDS.slice(0, -1), positional: RESPONSE_KEYWORDS.length - 1 },
  // WebOb `set_cookie(name, value, max_age, path, domain, secure, httponly, comment, …)`; `expires` is gone from
  // the newest releases, `key` is the name's pre-1.5 spelling.
  pyramid: {
    keywords: [
      'name',
      'value',
      'max_age',
      'path',
      'domain',
      'secure',
      'httponly',
      'comment',
      'expires',
      'overwrite',
      'samesite',
      'key',
    ],
    positional: 11,
  },
};

/** Why a call's arguments cannot be the framework's `set_cookie` / Django's `set_signed_cookie`, or null. */
export function responseArgumentMismatch(
  framework: PyFramework,
  method: string,
  args: readonly PyArgument[],
): string | null {
  if (framework === 'tornado') return null;
  const signature = SIGNATURES[framework];
  // Django's set_signed_cookie(key, value, salt='', **kwargs) hands its keywords to set_cookie.
  const signed = method === 'set_signed_cookie';
  const limit = signed ? 3 : signature.positional;
  const keywords = signed ? [...signature.keywords, 'salt'] : signature.keywords;
  const positional = args.filter((argument) => argument.kind === 'positional').length;
  if (positional > limit) {
    return `\`${method}\` takes at most ${limit} positional arguments and this call passes ${positional}, so it may be another method of that name`;
  }
  const unknown = args.find(
    (argument) => argument.kind === 'keyword' && !keywords.includes(argument.name ?? ''),
  );
  if (unknown)
    return `\`${method}\` has no \`${unknown.name}\` keyword, so this may be another method of that name`;
  return null;
}
