// Turning a call's options argument into a CookieSite: shared by every JavaScript rule.
import type { CookieKind, CookieSite, Flag, FlagValue } from '../model.js';
import {
  argumentsContainer,
  ignoreReasonAbove,
  type JsModule,
  type JsNode,
  type JsPath,
} from '../languages/javascript.js';
import { readFlag, readOptions, type JsModuleLoader, type OptionsView } from '../languages/js-options.js';
import { lineColumn } from '../languages/text.js';

export interface JsSiteRequest {
  ruleId: string;
  module: JsModule;
  call: JsPath;
  /** Index of the options argument. */
  optionsIndex: number;
  keys: Record<Flag, string | null>;
  cookieNames: string[];
  kind?: CookieKind;
  /** String values the API accepts as "on" (express-session's `secure: 'auto'`). */
  trueStrings?: readonly string[];
  /** The flags live under this key of the options (express-session's `cookie: {…}`). */
  nestedUnder?: string;
  load: JsModuleLoader;
}

/** Builds the site, or null when the options cannot be read at all (a parameter, a function result). */
export function siteFromCall(request: JsSiteRequest): CookieSite | null {
  const { module, call, optionsIndex, keys } = request;
  const args = call.node.arguments as JsNode[];
  const optionsNode = args[optionsIndex];
  const callLocation = locationOf(module, call.node.start);
  const base = {
    ruleId: request.ruleId,
    cookieNames: request.cookieNames,
    kind: request.kind,
    keys,
    usedAt: [] as string[],
    notes: [] as string[],
  };

  if (!optionsNode) {
    if (args.length !== optionsIndex || args.some((a) => a.type === 'SpreadElement')) return null;
    const container = argumentsContainer(module, call.node);
    const nest = request.nestedUnder ? [request.nestedUnder] : [];
    return withIgnore(module, [call.node.start], {
      ...base,
      file: module.file,
      offset: call.node.start,
      flags: allFlags(keys, { kind: 'absent' }),
      insertion: container ? { container, nest } : null,
    });
  }
  if (optionsNode.type === 'SpreadElement') return null;

  const outer = readOptions(module, optionsNode, call.get('arguments', optionsIndex), { load: request.load });
  if ('unknown' in outer) return null;
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
      const inner = readOptions(writer.module, writer.value, null, { load: request.load });
      if ('unknown' in inner) return null;
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
  return siteFor(view, flags);

  function siteFor(target: OptionsView, flags: Record<Flag, FlagValue>): CookieSite | null {
    // Options written inside the call itself are not "used elsewhere", even when nested (`cookie: {…}`).
    const insideCall = target.object.start >= call.node.start && target.object.end <= call.node.end;
    const elsewhere = target.module !== module || !insideCall;
    const site: CookieSite = {
      ...base,
      file: target.module.file,
      offset: target.object.start,
      flags,
      insertion: { container: target.container, nest },
      usedAt: elsewhere ? [`${module.file}:${callLocation.line}`] : [],
    };
    if (target.origin && elsewhere) site.notes.push(`The options object is defined at ${target.origin}.`);
    const anchors = [call.node.start, target.object.start];
    const targetModule = target.module;
    return withIgnore(targetModule === module ? module : targetModule, anchors, site, module);
  }
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

/** Applies a `cookie-hardener-ignore` comment found above the call or above the options object. */
function withIgnore(
  module: JsModule,
  anchors: number[],
  site: CookieSite,
  callModule: JsModule = module,
): CookieSite {
  const [callOffset, ...others] = anchors;
  const candidates: Array<[JsModule, number]> = [[callModule, callOffset ?? 0]];
  for (const offset of others) candidates.push([module, offset]);
  for (const [owner, offset] of candidates) {
    const { line } = lineColumn(owner.starts, offset);
    const reason = ignoreReasonAbove(owner.text, owner.starts, line);
    if (reason !== null) return { ...site, ignoredReason: reason };
  }
  return site;
}
