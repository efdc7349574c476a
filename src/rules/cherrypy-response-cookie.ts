// CherryPy `cherrypy.response.cookie`: a standard-library SimpleCookie the response sends, so each cookie is
// `cookie[name] = value` followed by morsel lines; HttpOnly, Secure and SameSite are off unless written
// (`cookie[name]['httponly'] = True`). Read through the shared morsel reader.
import type { SyntaxNode } from '@lezer/common';
import { dottedName, localAssignment, type PyModule } from '../languages/python.js';
import { findMorselSites } from './py-morsel-common.js';
import type { PyRule } from './rule.js';

/** The response's jar, whichever way the module reaches it. */
const RESPONSE_JAR = /^cherrypy\.(?:serving\.)?response\.cookie$/;

export const cherrypyResponseCookie: PyRule = {
  meta: {
    id: 'cherrypy-response-cookie',
    framework: 'cherrypy',
    language: 'python',
    api: "cherrypy.response.cookie[name]['httponly']",
    description:
      "CherryPy response cookies: `cherrypy.response.cookie[name] = value` and its `['httponly']` / `['secure']` morsel lines.",
    defaults: { httpOnly: 'off', secure: 'off' },
    namedByCaller: true,
  },
  findSites(module) {
    if (!module.text.includes('cherrypy') || !module.text.includes('.cookie')) return [];
    return findMorselSites(module, { ruleId: this.meta.id, isJar: isResponseJar });
  },
};

function isResponseJar(module: PyModule, expression: SyntaxNode, scope: SyntaxNode): boolean {
  if (namesResponseJar(module, expression)) return true;
  const dotted = dottedName(module, expression);
  if (!dotted || dotted.length !== 1) return false;
  // `cookie = cherrypy.response.cookie` earlier in the handler (or at module level).
  const value =
    scope.name === 'FunctionDefinition'
      ? (localAssignment(module, scope, dotted[0]!, expression.from) ?? module.assignments.get(dotted[0]!))
      : module.assignments.get(dotted[0]!);
  return value !== null && value !== undefined && namesResponseJar(module, value);
}

function namesResponseJar(module: PyModule, node: SyntaxNode): boolean {
  const dotted = dottedName(module, node);
  const binding = dotted ? module.imports.get(dotted[0]!) : undefined;
  if (!dotted || !binding) return false;
  const path = [binding.module, ...(binding.name === null ? [] : [binding.name]), ...dotted.slice(1)];
  return RESPONSE_JAR.test(path.join('.'));
}
