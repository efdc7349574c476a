// h3 helpers are plain functions: imported from 'h3' (or Nuxt's '#imports'), or auto-imported with no
// import line at all in Nuxt / Nitro server files. A name the file declares itself is never h3's.
import { isUndeclared, unwrap, type JsModule, type JsNode, type JsPath } from '../languages/javascript.js';

/**
 * SolidStart's re-exports of h3 (vinxi in 1.x, `@solidjs/start/http` in 2.x): the same helpers, which may also
 * be called without the event (vinxi with `asyncContext`, SolidStart 2 always), taking it from the request.
 */
const H3_WRAPPERS = ['vinxi/http', '@solidjs/start/http'];
const H3_SOURCES = new Set(['h3', '#imports', 'nitropack/runtime', 'nuxt/app', ...H3_WRAPPERS]);

/** `call` goes through one of SolidStart's wrappers, where the leading event argument may be left out. */
export function callsH3Wrapper(module: JsModule, call: JsPath): boolean {
  const callee = unwrap(call.node.callee);
  if (callee.type !== 'Identifier') return false;
  const source = module.imports.get(callee.name)?.source;
  return source !== undefined && H3_WRAPPERS.includes(source);
}
/** Folders whose files Nitro compiles with h3's utilities auto-imported. */
const AUTO_IMPORT_FOLDER = /(^|\/)server\//;

/** `call` calls h3's `name` (`setCookie`, `useSession`, …). */
export function callsH3(module: JsModule, call: JsPath, names: readonly string[]): string | null {
  const node: JsNode = call.node;
  if (node.type !== 'CallExpression') return null;
  const callee = unwrap(node.callee);
  if (callee.type !== 'Identifier') return null;
  const binding = module.imports.get(callee.name);
  if (binding) {
    return H3_SOURCES.has(binding.source) && names.includes(binding.imported) ? binding.imported : null;
  }
  if (!names.includes(callee.name) || !AUTO_IMPORT_FOLDER.test(module.file)) return null;
  return isUndeclared(module, call, callee.name) ? callee.name : null;
}
