// hapi cookies declared one per file in a folder (`lib/cookies/session.js` exporting `{ name, options }`, or a
// function returning `[name, options]`) and registered by a loader that lists the folder and calls
// `server.state(cookie.name, cookie.options)` for each module. The loader is the evidence that the modules'
// options reach `server.state`; each module's options are then judged like any `server.state` (hapi's
// statehood defaults: HttpOnly and Secure on, so only an explicit `false` counts).
import { posix } from 'node:path';
import {
  calleeName,
  callsOf,
  forEachNode,
  memberPropertyName,
  moduleLevelInit,
  propertyKeyName,
  stringValue,
  unwrap,
  type JsModule,
  type JsNode,
} from '../languages/javascript.js';
import { findExport, type JsModuleLoader } from '../languages/js-options.js';
import { lineColumn } from '../languages/text.js';
import type { CookieSite } from '../model.js';
import type { JsRule } from './rule.js';
import { isCall, isMember, namesOf, siteFromOptions } from './js-site.js';

const KEYS = { httpOnly: 'isHttpOnly', secure: 'isSecure' };
/** Code that lists a folder's modules. */
export const LISTS_FOLDER = /readdirSync|readdir\(|\bglob|requireDir|require-dir|requireAll|require-all/;
const JS_FILE = /\.(c|m)?[jt]s$/;

export const hapiCookieModules: JsRule = {
  meta: {
    id: 'hapi-cookie-modules',
    framework: 'hapi',
    language: 'javascript',
    api: 'server.state(cookie.name, cookie.options)',
    description:
      'Cookie modules in a folder (`{ name, options }` per file) that a loader registers with `server.state` in a loop.',
    defaults: { httpOnly: 'on', secure: 'on' },
    sameSiteByDefault: true,
    mentions: ['isSecure', 'isHttpOnly', 'server.state'],
  },
  findSites(module, { load, files }) {
    if (!files || !LISTS_FOLDER.test(module.text) || !module.text.includes('.state(')) return [];
    const loaderCall = callsOf(module).find((call) => isLoaderCall(call.node));
    if (!loaderCall) return [];
    const loaderLine = lineColumn(module.starts, loaderCall.node.start).line;
    const sites: CookieSite[] = [];
    // No module of the folder was scanned (a review sees only changed files): they are judged when they are.
    const modules = folderModules(module, files);
    for (const file of modules) {
      const specifier = `./${posix.relative(posix.dirname(module.file), file)}`.replace(/^\.\/\.\.\//, '../');
      const target = load(module.file, specifier);
      if (!target) continue;
      const declaration = cookieDeclaration(target, load);
      if (!declaration) continue;
      const site = siteFromOptions({
        ruleId: this.meta.id,
        module: target,
        options: declaration.options,
        optionsPath: null,
        anchor: declaration.options.start,
        keys: KEYS,
        cookieNames: namesOf(declaration.name),
        load,
      });
      if (!site) continue;
      site.usedAt.push(`${module.file}:${loaderLine}`);
      site.notes.push(
        `The loader at ${module.file}:${loaderLine} registers every module of \`${posix.dirname(file)}/\` with \`server.state\`.`,
      );
      sites.push(site);
    }
    return sites;
  },
};

/**
 * `server.state(cookie.name, cookie.options)`, `server.state(name, options)` after destructuring, or
 * `server.state(...cookie)`: a state call whose arguments come from a loop variable, not literals.
 */
export function isLoaderCall(node: JsNode): boolean {
  if (!isCall(node) || calleeName(node) !== 'state') return false;
  const callee = unwrap(node.callee);
  if (!isMember(callee)) return false;
  const receiver = unwrap(callee.object);
  const receiverName =
    receiver.type === 'Identifier' ? receiver.name : isMember(receiver) ? memberPropertyName(receiver) : null;
  if (!receiverName || !/server/i.test(receiverName)) return false;
  const args = (node.arguments as JsNode[]).map(unwrap);
  if (args.length === 1) return args[0].type === 'SpreadElement';
  if (args.length !== 2) return false;
  const [name, options] = args as [JsNode, JsNode];
  const fromVariable = (value: JsNode, key: string) =>
    (value.type === 'Identifier' && value.name.toLowerCase().includes(key)) ||
    (isMember(value) && memberPropertyName(value) === key) ||
    (value.type === 'MemberExpression' && value.computed);
  return (
    stringValue(name) === null &&
    fromVariable(name, 'name') &&
    options.type !== 'ObjectExpression' &&
    fromVariable(options, 'options')
  );
}

/**
 * The scanned JS files of the folders the loader names: string pieces like `'cookies'`, `'lib/cookies/*.js'`
 * or `` `${__dirname}/cookies` ``, taken relative to the loader's folder and each folder above it. Only
 * folders named for cookies or state are considered.
 */
function folderModules(module: JsModule, files: ReadonlySet<string>): string[] {
  const pieces = new Set<string>();
  forEachNode(module.ast.program, (node) => {
    if (node.type === 'StringLiteral') pieces.add(node.value as string);
    if (node.type === 'TemplateElement' && node.value.cooked) pieces.add(node.value.cooked as string);
  });
  const folders = new Set<string>();
  // `path.join(__dirname, '..', 'lib', 'cookies')`: the literal parts after `__dirname`, from the loader's folder.
  for (const call of callsOf(module)) {
    const name = calleeName(call.node);
    if (name !== 'join' && name !== 'resolve') continue;
    const [first, ...rest] = (call.node.arguments as JsNode[]).map(unwrap);
    if (first?.type !== 'Identifier' || first.name !== '__dirname') continue;
    const parts = rest.map(stringValue);
    if (parts.length === 0 || parts.some((part) => part === null)) continue;
    const joined = posix.normalize(posix.join(posix.dirname(module.file), ...(parts as string[])));
    if (!joined.startsWith('..') && /(cookie|state)[^/]*$/i.test(joined)) folders.add(joined);
  }
  for (const piece of pieces) {
    const folder = piece
      .replace(/\/?(\*\*\/)?\*[^/]*$/, '')
      .replace(/^\/+|\/+$/g, '')
      .replace(/^\.\//, '');
    if (!folder || /\s/.test(folder) || !/(cookie|state)[^/]*$/i.test(folder)) continue;
    // `path.join(__dirname, '..', 'cookies')`: the folder may sit beside any enclosing folder of the loader.
    for (let base = posix.dirname(module.file); ; base = posix.dirname(base)) {
      const joined = posix.normalize(posix.join(base, folder));
      if (!joined.startsWith('..')) folders.add(joined);
      if (base === '.' || base === '/' || base === '') break;
    }
  }
  const found = new Set<string>();
  for (const file of files) {
    if (!JS_FILE.test(file) || file.endsWith('.d.ts') || file === module.file) continue;
    if (/(^|\/)index\.[cm]?[jt]s$/.test(file)) continue;
    if (folders.has(posix.dirname(file))) found.add(file);
  }
  return [...found].sort();
}

interface Declaration {
  name: string | null;
  options: JsNode;
}

/** `{ name, options }` as the default export, or a default-exported function returning it or `[name, options]`. */
function cookieDeclaration(module: JsModule, load: JsModuleLoader): Declaration | null {
  const exported = findExportNode(module, load);
  if (!exported) return null;
  let value = unwrap(exported);
  if (value.type === 'ArrowFunctionExpression' || value.type === 'FunctionExpression') {
    value = returnedValue(value);
    if (!value) return null;
  }
  if (value.type === 'ArrayExpression' && value.elements.length === 2) {
    const [name, options] = value.elements as [JsNode, JsNode];
    if (!options || options.type === 'SpreadElement') return null;
    return { name: stringValue(name), options };
  }
  if (value.type !== 'ObjectExpression') return null;
  let name: string | null = null;
  let options: JsNode | null = null;
  for (const property of value.properties as JsNode[]) {
    if (property.type !== 'ObjectProperty') continue;
    const key = propertyKeyName(property);
    if (key === 'name') name = stringValue(property.value) ?? constantString(module, property.value);
    if (key === 'options') options = property.value;
  }
  return options ? { name, options } : null;
}

function findExportNode(module: JsModule, load: JsModuleLoader): JsNode | null {
  for (const statement of module.ast.program.body as JsNode[]) {
    if (statement.type === 'ExportDefaultDeclaration') return statement.declaration;
    const expression = statement.type === 'ExpressionStatement' ? statement.expression : null;
    if (
      expression?.type === 'AssignmentExpression' &&
      expression.left.type === 'MemberExpression' &&
      unwrap(expression.left.object).type === 'Identifier' &&
      expression.left.object.name === 'module' &&
      memberPropertyName(expression.left) === 'exports'
    ) {
      const right = unwrap(expression.right);
      if (right.type === 'Identifier') {
        const resolved = findExport(module, 'default', { load });
        return 'unknown' in resolved ? null : resolved.node;
      }
      return right;
    }
  }
  return null;
}

function returnedValue(fn: JsNode): JsNode | null {
  if (fn.body.type !== 'BlockStatement') return unwrap(fn.body);
  const statements = fn.body.body as JsNode[];
  const last = statements.at(-1);
  return last?.type === 'ReturnStatement' && last.argument ? unwrap(last.argument) : null;
}

function constantString(module: JsModule, node: JsNode): string | null {
  const value = unwrap(node);
  return value?.type === 'Identifier' ? stringValue(moduleLevelInit(module, value.name)) : null;
}
