// Which Python web framework a module belongs to, decided from its imports. Several frameworks spell a cookie
// call `response.set_cookie(...)`; the imports say whose defaults apply, so each call is claimed by one rule.
import type { PyModule } from '../languages/python.js';
import { importsTornado } from './tornado-common.js';

export type PyFramework = 'tornado' | 'aiohttp' | 'starlette' | 'django' | 'flask';

/** Most specific first: a FastAPI app importing a Werkzeug helper is still a FastAPI app. */
const PRIORITY: readonly PyFramework[] = ['tornado', 'aiohttp', 'starlette', 'django', 'flask'];

const PACKAGES: Record<Exclude<PyFramework, 'tornado'>, readonly string[]> = {
  aiohttp: ['aiohttp'],
  starlette: ['starlette', 'fastapi'],
  django: ['django'],
  // Quart and Flask both answer with Werkzeug-style responses.
  flask: ['flask', 'werkzeug', 'quart'],
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
