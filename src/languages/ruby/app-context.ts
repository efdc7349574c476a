// Whether Ruby code shows it belongs to a framework: a method of a Rails controller (where `cookies`,
// `request` and `response` are the controller's), or a Sinatra application (where `set`, `enable` and
// `response` are Sinatra's). A project's own class with methods of the same names is neither.
import type { Node } from 'web-tree-sitter';
import { enclosingClasses, enclosingMethod, requires, textOf, type RubyModule } from './parse.js';

/** A Rails controller's superclass: `ApplicationController`, `ActionController::Base`, `Admin::BaseController`. */
const CONTROLLER_SUPERCLASS = /(?:^|::)(?:\w*Controller|ActionController::(?:Base|API|Metal))$/;

/**
 * Whether `node` sits in a Rails controller's method: a class whose superclass is a controller, or a module in
 * app/controllers/ (a concern mixed into controllers). A local or parameter named `cookies` would shadow the
 * controller's jar.
 */
export function inRailsController(module: RubyModule, node: Node): boolean {
  const method = enclosingMethod(node);
  if (!method) return false;
  const classes = enclosingClasses(module, node);
  const controller =
    classes.some((entry) => CONTROLLER_SUPERCLASS.test(entry.superclass)) ||
    (classes.length === 0 && /(?:^|\/)app\/controllers\//.test(module.file));
  if (!controller) return false;
  const parameters = method.childForFieldName('parameters');
  const body = textOf(module, method);
  if (parameters && /\bcookies\b/.test(textOf(module, parameters))) return false;
  return !/(?:^|[^\w.:@])cookies\s*=[^=~>]/m.test(body);
}

/**
 * Whether `node` sits in a Sinatra application: a class built on `Sinatra::Base` / `Sinatra::Application`, or
 * the top level (or a block) of a classic app, a file that requires 'sinatra'.
 */
export function inSinatraApp(module: RubyModule, node: Node): boolean {
  const classes = enclosingClasses(module, node);
  if (classes.some((entry) => /^Sinatra::(?:Base|Application)$/.test(entry.superclass))) return true;
  return classes.length === 0 && requires(module, ['sinatra']);
}
