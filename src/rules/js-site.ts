// Turning a call's options argument into a CookieSite: shared by every JavaScript rule.
import type { CookieKind, CookieSite, Flag, FlagValue } from '../model.js';
import {
  argumentsContainer,
  stringValue,
  unwrap,
  type JsModule,
  type JsNode,
  type JsPath,
} from '../languages/javascript.js';
import {
  OUTSIDE_SCAN,
  readFlag,
  readOptions,
  sourceOf,
  type JsModuleLoader,
  type OptionsView,
} from '../languages/js-options.js';
import { abbreviate, lineColumn } from '../languages/text.js';

export interface JsSiteRequest {
  ruleId: string;
  module: JsModule;
  call: JsPath;
  /** Index of the options argument. */
  optionsIndex: number;
  /** Index of the cookie's value argument, when the API has one: its text is evidence of what it holds. */
  valueIndex?: number;
  keys: Record<Flag, string | null>;
  cookieNames: string[];
  kind?: CookieKind;
  /** String values the API accepts as "on" (express-session's `secure: 'auto'`). */
  trueStrings?: readonly string[];
  /** The flags live under this key of the options (express-session's `cookie: {…}`). */
  nestedUnder?: string;
  load: JsModuleLoader;
  /**
   * Adjusts the flags once they are read: an option that forces one (Hono's `prefix: 'secure'`), or
   * defaults inherited from elsewhere. `view` is null when the options are missing or not yet written.
   */
  refine?: (view: OptionsView | null, flags: Record<Flag, FlagValue>) => void;
  /**
   * The unreadable value under `nestedUnder` is something else the API accepts in place of options (Remix's
   * `cookie: createCookie(…)`): it is reported where it is made, so the site is dropped here.
   */
  nestedIsOther?: (module: JsModule, value: JsNode) => boolean;
}

/** Builds the site, or null when the call does not have the shape of the API (too few arguments, a callback). */
export function siteFromCall(request: JsSiteRequest): CookieSite | null {
  const { module, call } = request;
  const args = call.node.arguments as JsNode[];
  const optionsNode = args[request.optionsIndex];
  const valueNode = request.valueIndex === undefined ? undefined : args[request.valueIndex];
  const site = siteFromCallOptions(request, args, optionsNode);
  if (site && valueNode && valueNode.type !== 'SpreadElement')
    site.valueText = module.text.slice(valueNode.start, valueNode.end);
  return site;
}

/**
 * The arguments can be `set(name, value, options?)`: two or three, the first not an object, array, number or
 * callback (a Map-like `set(key, object)` or a callback registration is another API).
 */
export function takesNameValueOptions(call: JsNode): boolean {
  if (call.arguments.length < 2 || call.arguments.length > 3) return false;
  const first = unwrap(call.arguments[0]);
  return !/^(ObjectExpression|ArrayExpression|NumericLiteral|FunctionExpression|ArrowFunctionExpression)$/.test(
    first.type,
  );
}

/**
 * The site of a `set(name, value, options?)`-shaped call (Express `res.cookie`, Koa and context jars'
 * `cookies.set`, Fastify `reply.setCookie`, browser libraries): the name first, the value second,
 * `httpOnly` / `secure` in the options third unless `shape` says otherwise.
 */
export function nameValueOptionsSite(
  ruleId: string,
  module: JsModule,
  call: JsPath,
  load: JsModuleLoader,
  shape: Partial<Pick<JsSiteRequest, 'keys' | 'trueStrings' | 'valueIndex'>> = {},
): CookieSite | null {
  return siteFromCall({
    ruleId,
    module,
    call,
    optionsIndex: 2,
    valueIndex: 1,
    keys: { httpOnly: 'httpOnly', secure: 'secure' },
    cookieNames: namesOf(stringValue(call.node.arguments[0])),
    load,
    ...shape,
  });
}

function siteFromCallOptions(
  request: JsSiteRequest,
  args: JsNode[],
  optionsNode: JsNode | undefined,
): CookieSite | null {
  const { module, call, optionsIndex, keys } = request;

  if (!optionsNode || optionsNode.type === 'SpreadElement') {
    // `res.cookie(...args)`: the options may be anywhere in the spread.
    const spread = args.find((a) => a.type === 'SpreadElement');
    if (spread) return unreadableSite(request, spread, 'the arguments are spread');
    if (args.length !== optionsIndex) return null;
    const container = argumentsContainer(module, call.node);
    const nest = request.nestedUnder ? [request.nestedUnder] : [];
    const flags = allFlags(keys, { kind: 'absent' });
    request.refine?.(null, flags);
    return {
      ...baseOf(request),
      file: module.file,
      offset: call.node.start,
      flags,
      insertion: container ? { container, nest } : null,
    };
  }
  if (deletesCookie(module, optionsNode, call.get('arguments', optionsIndex), request.load)) return null;
  return siteFromOptions({
    ...request,
    options: optionsNode,
    optionsPath: call.get('arguments', optionsIndex),
    anchor: call.node.start,
  });
}

export interface JsOptionsRequest extends Omit<JsSiteRequest, 'call' | 'optionsIndex'> {
  /** The options expression (an object literal, or a name that leads to one). */
  options: JsNode;
  optionsPath: JsPath | null;
  /** Offset of the call (or declaration) that uses the options, for `usedAt`. */
  anchor: number;
}

/** Builds the site for an options expression that is not (only) a call argument: configs, nested entries. */
export function siteFromOptions(request: JsOptionsRequest): CookieSite | null {
  const { module, keys, options: optionsNode } = request;
  const callLocation = locationOf(module, request.anchor);
  const base = baseOf(request);
  const shape = shapeOf(optionsNode);
  if (shape === 'not-options') return null;
  if (shape === 'nothing') return noOptionsSite(request, optionsNode);
  const outer = readOptions(module, optionsNode, request.optionsPath, { load: request.load });
  if ('unknown' in outer) {
    if (outer.unknown.endsWith(OUTSIDE_SCAN)) return null;
    return unreadableSite(request, optionsNode, outer.unknown);
  }
  let view: OptionsView = outer;
  let nest: string[] = [];
  if (request.nestedUnder) {
    const writer = outer.keys.get(request.nestedUnder);
    if (writer === undefined && !outer.unknownSpread) {
      nest = [request.nestedUnder];
    } else if (writer === undefined || writer === 'unknown') {
      return siteFor(
        outer,
        allFlags(keys, { kind: 'unknown', reason: outer.unknownSpread ?? 'a spread may set it' }),
      );
    } else {
      const innerShape = shapeOf(writer.value);
      if (innerShape === 'nothing') return siteFor(outer, allFlags(keys, { kind: 'absent' }), false);
      // `cookie: false` and the like: a switch of the API, not options.
      if (innerShape === 'not-options') return null;
      const inner = readOptions(writer.module, writer.value, null, { load: request.load });
      if ('unknown' in inner && request.nestedIsOther?.(writer.module, writer.value)) return null;
      if ('unknown' in inner && inner.unknown.endsWith(OUTSIDE_SCAN)) return null;
      if ('unknown' in inner)
        return siteFor(outer, allFlags(keys, { kind: 'unknown', reason: inner.unknown }), false);
      view = inner;
    }
  }
  const flags = {} as Record<Flag, FlagValue>;
  for (const flag of ['httpOnly', 'secure'] as const) {
    const key = keys[flag];
    flags[flag] =
      key === null
        ? { kind: 'absent' }
        : nest.length > 0
          ? { kind: 'absent' }
          : readFlag(view, key, request.trueStrings ?? []);
  }
  request.refine?.(nest.length > 0 ? null : view, flags);
  return siteFor(view, flags);

  function siteFor(target: OptionsView, flags: Record<Flag, FlagValue>, editable = true): CookieSite | null {
    const elsewhere = target.module !== module || target.object.start !== optionsNode.start;
    const site: CookieSite = {
      ...base,
      file: target.module.file,
      offset: target.object.start,
      flags,
      insertion: editable ? { container: target.container, nest } : null,
      usedAt: elsewhere ? [`${module.file}:${callLocation.line}`] : [],
    };
    if (target.origin && elsewhere) site.notes.push(`The options object is defined at ${target.origin}.`);
    return site;
  }
}

/** What an options argument is, before reading it: nothing at all, surely not options, or worth reading. */
function shapeOf(node: JsNode): 'nothing' | 'not-options' | 'readable' {
  const value = unwrap(node);
  if (value.type === 'NullLiteral' || (value.type === 'Identifier' && value.name === 'undefined'))
    return 'nothing';
  // A callback, a string or a number where the options go: another library's method of the same name.
  if (
    /^(FunctionExpression|ArrowFunctionExpression|StringLiteral|NumericLiteral|TemplateLiteral|BooleanLiteral|ArrayExpression|ClassExpression)$/.test(
      value.type,
    )
  )
    return 'not-options';
  return 'readable';
}

/**
 * `null` / `undefined` where the options go: the API's defaults apply, as when the argument is left out, but
 * there is no object to add a key to.
 */
function noOptionsSite(request: JsOptionsRequest, node: JsNode): CookieSite {
  const flags = allFlags(request.keys, { kind: 'absent' });
  request.refine?.(null, flags);
  const site: CookieSite = {
    ...baseOf(request),
    file: request.module.file,
    offset: unwrap(node).start,
    flags,
    insertion: null,
  };
  site.notes.push(
    `The options are \`${sourceOf(request.module, unwrap(node))}\`, so the defaults apply; replace it with an options object that sets the flags.`,
  );
  return site;
}

/**
 * Options the engine cannot read (a parameter, a function result, a ternary, a spread): every flag the API
 * has is reported as unknown, with the reason, instead of being silently dropped.
 */
function unreadableSite(
  request: Omit<JsSiteRequest, 'call' | 'optionsIndex'>,
  node: JsNode,
  reason: string,
): CookieSite {
  const value = unwrap(node);
  const site: CookieSite = {
    ...baseOf(request),
    file: request.module.file,
    offset: value.start,
    flags: allFlags(request.keys, { kind: 'unknown', reason: explain(request.module, value, reason) }),
    insertion: null,
  };
  return site;
}

function explain(module: JsModule, node: JsNode, reason: string): string {
  if (node.type === 'ConditionalExpression') {
    return `the options are chosen at run time by \`${abbreviate(sourceOf(module, node.test))}\``;
  }
  if (node.type === 'LogicalExpression') {
    return `the options come from \`${abbreviate(sourceOf(module, node))}\``;
  }
  return reason;
}

function baseOf(request: Omit<JsSiteRequest, 'call' | 'optionsIndex'>) {
  return {
    ruleId: request.ruleId,
    cookieNames: request.cookieNames,
    kind: request.kind,
    keys: request.keys,
    usedAt: [] as string[],
    notes: [] as string[],
  };
}

function allFlags(keys: Record<Flag, string | null>, value: FlagValue): Record<Flag, FlagValue> {
  return {
    httpOnly: keys.httpOnly === null ? { kind: 'absent' } : value,
    secure: keys.secure === null ? { kind: 'absent' } : value,
  };
}

function locationOf(module: JsModule, offset: number): { line: number; column: number } {
  return lineColumn(module.starts, offset);
}

/** The literal string an options expression holds under `key` (`{ name: 'sid' }` → 'sid'), or null. */
export function optionString(
  module: JsModule,
  options: JsNode | undefined,
  path: JsPath | null,
  key: string,
  load: JsModuleLoader,
  nestedUnder?: string,
): string | null {
  if (!options) return null;
  let view = readOptions(module, options, path, { load });
  if (!('unknown' in view) && nestedUnder) {
    const writer = view.keys.get(nestedUnder);
    if (!writer || writer === 'unknown') return null;
    view = readOptions(writer.module, writer.value, null, { load });
  }
  if ('unknown' in view) return null;
  const writer = view.keys.get(key);
  return writer && writer !== 'unknown' ? stringValue(writer.value) : null;
}

/** A literal name as a one-element list, or the fallback (a framework's default cookie name). */
export function namesOf(name: string | null, fallback: string[] = []): string[] {
  return name === null ? fallback : [name];
}

/**
 * Options that delete the cookie rather than set it (`maxAge: 0`, `expires: new Date(0)`, a date before
 * 2000, `new Date(Date.now() - …)`): flags protect nothing there, and Secure would keep the deletion from
 * reaching a browser over plain HTTP.
 */
export function deletesCookie(
  module: JsModule,
  options: JsNode,
  path: JsPath | null,
  load: JsModuleLoader,
): boolean {
  const view = readOptions(module, options, path, { load });
  if ('unknown' in view) return false;
  const valueOf = (key: string) => {
    const writer = view.keys.get(key);
    return writer && writer !== 'unknown' ? unwrap(writer.value) : null;
  };
  const maxAge = valueOf('maxAge') ?? valueOf('max-age');
  if (maxAge && notPositive(maxAge)) return true;
  const expires = valueOf('expires');
  return expires !== null && isPastDate(module, expires);
}

const YEAR_2000_MS = 946_684_800_000;

function notPositive(node: JsNode): boolean {
  if (node.type === 'NumericLiteral') return node.value <= 0;
  return (
    node.type === 'UnaryExpression' &&
    node.operator === '-' &&
    unwrap(node.argument).type === 'NumericLiteral'
  );
}

function isPastDate(module: JsModule, node: JsNode): boolean {
  if (notPositive(node)) return true;
  const text = stringValue(node);
  if (text !== null) return /\b19\d\d\b/.test(text);
  if (
    node.type !== 'NewExpression' ||
    unwrap(node.callee).type !== 'Identifier' ||
    unwrap(node.callee).name !== 'Date'
  )
    return false;
  const [first] = node.arguments as JsNode[];
  if (!first) return false;
  const value = unwrap(first);
  const literal = stringValue(value);
  if (literal !== null) return /\b19\d\d\b/.test(literal);
  if (value.type === 'NumericLiteral') {
    // `new Date(1970, 0, 1)` is a year; `new Date(0)` a time in milliseconds.
    return node.arguments.length > 1 ? value.value < 2000 : value.value < YEAR_2000_MS;
  }
  // `new Date(Date.now() - 1000)`: in the past by construction.
  return (
    value.type === 'BinaryExpression' &&
    value.operator === '-' &&
    /^Date\.now\(\)|getTime\(\)$/.test(module.text.slice(value.left.start, value.left.end))
  );
}

/** A call, optional (`res?.cookie(…)`, `res.cookie?.(…)`) or not: the same API either way. */
export function isCall(node: JsNode): boolean {
  return node?.type === 'CallExpression' || node?.type === 'OptionalCallExpression';
}

/** A member access, optional (`ctx?.cookies`) or not. */
export function isMember(node: JsNode): boolean {
  return node?.type === 'MemberExpression' || node?.type === 'OptionalMemberExpression';
}
