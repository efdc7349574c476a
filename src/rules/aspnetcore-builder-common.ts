// The cookie builders of ASP.NET Core's session, authentication and antiforgery services, configured in a
// lambda (`services.AddSession(o => { o.Cookie.SecurePolicy = CookieSecurePolicy.Always; })`): `o.Cookie.HttpOnly`
// is a bool, `o.Cookie.SecurePolicy` a `CookieSecurePolicy` where `Always` is on, `SameAsRequest` follows the
// request (treated as set, as the framework does for its auth cookie) and `None` is off.
//
// A missing setting is judged by the rule's defaults. A new statement goes after the last one of a lambda block;
// an expression-bodied lambda becomes a block; a call with no arguments at all (`AddSession()`) gets a lambda.
// `Configure<TOptions>(…)` only adds to what the `Add…` call configures, so there only what it writes is judged.
import type { Node } from 'web-tree-sitter';
import {
  boolFlagValue,
  callOf,
  directiveAround,
  hasDirective,
  nodesOfType,
  spanOf,
  stringValue,
  textOf,
  memberAssignment,
  type Call,
  type CSharpModule,
} from '../languages/csharp/parse.js';
import { csharpCodeText } from '../languages/csharp/code-text.js';
import type { CookieKind, CookieSite, Flag, FlagDefault, FlagValue, InsertionPoint } from '../model.js';
import { handedTo, httpTypeName } from './aspnetcore-common.js';

const KEYS: Record<Flag, string> = { httpOnly: 'HttpOnly', secure: 'SecurePolicy' };

export interface BuilderApi {
  ruleId: string;
  /** Methods that create the service and take its options lambda (`AddSession`); `Add…()` alone counts. */
  adders: readonly string[];
  /** Methods that only add a configuration lambda (`ConfigureApplicationCookie`). */
  configurers?: readonly string[];
  /** The options type `Configure<T>` / `PostConfigure<T>` name (`SessionOptions`). */
  optionsType: string;
  /** Whether a call is the framework's, beyond its name (the receiver it extends). */
  receiverFits(module: CSharpModule, call: Call): boolean;
  /** The rule's defaults: what a setting left out means. */
  defaults: Record<Flag, FlagDefault>;
  kind?: CookieKind;
  /**
   * The policy a fix writes for Secure: `Always` unless the framework chose a weaker default on purpose for sites
   * that mix HTTP and HTTPS (antiforgery), where `SameAsRequest` keeps those working and is Secure over HTTPS.
   */
  securePolicy?: 'Always' | 'SameAsRequest';
}

export function builderSites(module: CSharpModule, api: BuilderApi): CookieSite[] {
  const sites: CookieSite[] = [];
  const code = csharpCodeText(module.text) ?? module.text;
  for (const node of nodesOfType(module.tree.rootNode, ['invocation_expression'])) {
    const call = callOf(module.text, node);
    if (!call?.receiver) continue;
    const adds = api.adders.includes(call.name) && call.typeArguments.length === 0;
    const configures =
      (api.configurers?.includes(call.name) && call.typeArguments.length === 0) ||
      ((call.name === 'Configure' || call.name === 'PostConfigure') &&
        call.typeArguments.length === 1 &&
        call.typeArguments[0]!.replace(/^.*\./, '') === api.optionsType);
    if ((!adds && !configures) || !api.receiverFits(module, call)) continue;
    const site = siteOf(module, api, call, adds === true, code);
    if (site) sites.push(site);
  }
  return sites;
}

function siteOf(
  module: CSharpModule,
  api: BuilderApi,
  call: Call,
  adds: boolean,
  code: string,
): CookieSite | null {
  const fn = call.node.childForFieldName('function');
  const nameNode = fn?.type === 'member_access_expression' ? fn.childForFieldName('name') : fn;
  const offset = nameNode?.startIndex ?? call.node.startIndex;
  const policy = httpTypeName(module, 'CookieSecurePolicy', code);
  const base = {
    ruleId: api.ruleId,
    file: module.file,
    offset,
    ...(api.kind ? { kind: api.kind } : {}),
    usedAt: [],
    notes: [],
    flagLiterals: { secure: `${policy}.${api.securePolicy ?? 'Always'}` },
    requestScheme: `${policy}.SameAsRequest`,
  };
  const lambda = call.args.filter((arg) => arg.type === 'lambda_expression').at(-1);
  if (!lambda) {
    // `AddSession()`: every default stands. Anything else passed (an options object, a method group) is not read.
    if (!adds || call.args.length > 0) return null;
    const parameter = freeName(code, ['options', 'cookieOptions', 'serviceOptions']);
    if (!parameter) return null;
    const list = call.node.childForFieldName('arguments')!;
    return {
      ...base,
      cookieNames: [],
      flags: { httpOnly: { kind: 'absent' }, secure: { kind: 'absent' } },
      keys: { ...KEYS },
      insertion: {
        container: {
          file: module.file,
          syntax: 'cs-arguments',
          open: list.startIndex,
          close: list.endIndex - 1,
          entries: [],
          keyQuote: '',
          statementTemplate: `${parameter} => ${parameter}.Cookie.{entries}`,
        },
        nest: [],
      },
    };
  }
  const parameter = lambdaParameter(module, lambda);
  const body = lambda.childForFieldName('body');
  if (!parameter || !body) return null;
  const read = readBody(module, body, parameter);
  const handed = handedTo(module, body, parameter, body.endIndex);
  if (hasDirective(module.text, body)) {
    // The build decides which statements are compiled: what the lambda leaves out may be set in a branch.
    const reason = 'preprocessor directives in the options lambda decide which statements are compiled';
    for (const flag of ['httpOnly', 'secure'] as Flag[])
      if (read.flags[flag].kind === 'absent' && adds && api.defaults[flag] === 'off')
        read.flags[flag] = { kind: 'unknown', reason };
  }
  if (read.replaced) {
    const reason = `\`${parameter}.Cookie\` is replaced by another builder`;
    return {
      ...base,
      cookieNames: read.names,
      flags: { httpOnly: { kind: 'unknown', reason }, secure: { kind: 'unknown', reason } },
      keys: { ...KEYS },
      insertion: null,
    };
  }
  // A call that may set anything (`configuration.Bind("Session", options)`): a setting the lambda leaves out,
  // and that is off unless set, is unknown; one it writes still counts.
  if (handed && adds) {
    for (const flag of ['httpOnly', 'secure'] as Flag[])
      if (read.flags[flag].kind === 'absent' && api.defaults[flag] === 'off')
        read.flags[flag] = {
          kind: 'unknown',
          reason: `the options are handed to \`${handed}\`, which may set them`,
        };
  }
  // A configuration lambda adds to what another call sets up: a setting it leaves out is not its to judge.
  const keys: Record<Flag, string | null> = {
    httpOnly: adds || read.flags.httpOnly.kind !== 'absent' ? KEYS.httpOnly : null,
    secure: adds || read.flags.secure.kind !== 'absent' ? KEYS.secure : null,
  };
  if (keys.httpOnly === null && keys.secure === null) return null;
  return {
    ...base,
    cookieNames: read.names,
    flags: read.flags,
    keys,
    insertion: handed || hasDirective(module.text, body) ? null : bodyInsertion(module, body, parameter),
  };
}

/** The first of `names` that the file never uses as a word (a lambda parameter must not shadow a local). */
function freeName(code: string, names: readonly string[]): string | null {
  return names.find((name) => !new RegExp(`\\b${name}\\b`).test(code)) ?? null;
}

function lambdaParameter(module: CSharpModule, lambda: Node): string | null {
  const parameters = lambda.childForFieldName('parameters');
  if (!parameters) return null;
  if (parameters.type === 'implicit_parameter' || parameters.type === 'identifier')
    return textOf(module.text, parameters);
  const list = parameters.namedChildren.filter((child) => child.type === 'parameter');
  const name = list.length === 1 ? list[0]!.childForFieldName('name') : null;
  return name ? textOf(module.text, name) : null;
}

interface BodyRead {
  flags: Record<Flag, FlagValue>;
  names: string[];
  replaced: boolean;
}

function readBody(module: CSharpModule, body: Node, parameter: string): BodyRead {
  const read: BodyRead = {
    flags: { httpOnly: { kind: 'absent' }, secure: { kind: 'absent' } },
    names: [],
    replaced: false,
  };
  const cookie = `${parameter}.Cookie`;
  const assignments = body.type === 'assignment_expression' ? [body] : [];
  assignments.push(...nodesOfType(body, ['assignment_expression']));
  for (const node of assignments) {
    if (memberAssignment(module, node, parameter)?.member === 'Cookie') read.replaced = true;
    const assigned = memberAssignment(module, node, cookie);
    if (!assigned) continue;
    const direct =
      node.equals(body) ||
      (node.parent?.type === 'expression_statement' && node.parent.parent?.equals(body) === true);
    if (assigned.member === 'Name') {
      const name = stringValue(module.text, assigned.value);
      if (name !== null) read.names.push(name);
      continue;
    }
    let value: FlagValue;
    let flag: Flag;
    if (assigned.member === 'HttpOnly') {
      flag = 'httpOnly';
      value = boolFlagValue(module, assigned.value);
    } else if (assigned.member === 'SecurePolicy') {
      flag = 'secure';
      value = policyValue(module, assigned.value);
    } else continue;
    read.flags[flag] =
      direct || value.kind === 'unknown'
        ? value
        : {
            kind: 'conditional',
            span: spanOf(node),
            text: directiveAround(module.text, node, body) ?? textOf(module.text, node),
            devOnly: false,
          };
  }
  return read;
}

/**
 * `CookieSecurePolicy.Always` / `.SameAsRequest` count as set, `.None` as off; a choice between two values that
 * both count as set (`dev ? SameAsRequest : Always`) is set; anything else is run-time.
 */
function policyValue(module: CSharpModule, value: Node): FlagValue {
  const span = spanOf(value);
  const member = policyMember(module, value);
  if (member === 'Always' || member === 'SameAsRequest') return { kind: 'true', span };
  if (member === 'None') return { kind: 'false', span, file: module.file };
  if (value.type === 'conditional_expression') {
    const branches = ['consequence', 'alternative'].map((field) => value.childForFieldName(field));
    if (
      branches.every(
        (branch) => branch && ['Always', 'SameAsRequest'].includes(policyMember(module, branch) ?? ''),
      )
    )
      return { kind: 'true', span };
  }
  return { kind: 'conditional', span, text: textOf(module.text, value), devOnly: false };
}

function policyMember(module: CSharpModule, value: Node): string | undefined {
  const text = textOf(module.text, value)
    .replace(/\s+/g, '')
    .replace(/^\((.*)\)$/, '$1');
  return /^(?:(?:global::)?Microsoft\.AspNetCore\.Http\.)?CookieSecurePolicy\.(\w+)$/.exec(text)?.[1];
}

function bodyInsertion(module: CSharpModule, body: Node, parameter: string): InsertionPoint | null {
  const template = `${parameter}.Cookie.{key} = {value};`;
  if (body.type === 'block') {
    const last = body.namedChildren.filter((child) => child.type !== 'comment').at(-1);
    if (!last || last.type === 'return_statement') return null;
    return {
      container: {
        file: module.file,
        syntax: 'cs-statements',
        open: body.startIndex,
        close: body.endIndex - 1,
        entries: [spanOf(last)],
        keyQuote: '',
        statementTemplate: template,
      },
      nest: [],
    };
  }
  // Only an expression that is a statement can open a block: an assignment or a call.
  if (body.type !== 'assignment_expression' && body.type !== 'invocation_expression') return null;
  return {
    container: {
      file: module.file,
      syntax: 'cs-expression-body',
      open: body.startIndex,
      close: body.endIndex,
      entries: [spanOf(body)],
      keyQuote: '',
      statementTemplate: template,
    },
    nest: [],
  };
}

/** A receiver that is a service collection: `services`, `builder.Services`, `this IServiceCollection`. */
export function isServiceCollection(module: CSharpModule, call: Call): boolean {
  const receiver = call.receiver ? textOf(module.text, call.receiver).replace(/\s+/g, '') : '';
  return /(?:^|\.)(?:[Ss]ervices|_services|serviceCollection)$/.test(receiver);
}
