// ASP.NET Core's `Response.Cookies.Append(name, value[, options])`. `CookieOptions` has HttpOnly and Secure off
// until set (plain bools); without options the cookie gets neither. The options count written in the call
// (`new CookieOptions { … }`, `new() { … }`) or held in a local of the same function, whose later
// `options.Secure = …;` assignments before the call set the flags too (the header is built inside `Append`,
// so an assignment after it changes nothing sent).
//
// Missing flags go into the object initializer, into new `options.X = true;` statements after the local's
// set-up, or, for a call without options, into a new third argument `new CookieOptions { … }`. Whether the call
// is ASP.NET Core's is shown by the receiver: a controller's or page's `Response`, an `HttpContext`'s, an
// `HttpResponse`, in a file that imports the framework or declares those types; a project's own `Append` is
// not.
import type { Node } from 'web-tree-sitter';
import {
  boolFlagValue,
  callOf,
  declaredType,
  directiveAround,
  enclosingFunction,
  hasDirective,
  namesType,
  nodesOfType,
  spanOf,
  stringValue,
  textOf,
  memberAssignment,
  varInitializer,
  type Call,
  type CSharpModule,
} from '../languages/csharp/parse.js';
import { csharpCodeText } from '../languages/csharp/code-text.js';
import type { Container, CookieSite, Flag, FlagValue } from '../model.js';
import { HTTP_NAMESPACE, deletes, handedTo, httpTypeName, responseRequest } from './aspnetcore-common.js';
import type { CSharpRule } from './rule.js';

const KEYS: Record<Flag, string> = { httpOnly: 'HttpOnly', secure: 'Secure' };

export const aspnetcoreCookiesAppend: CSharpRule = {
  meta: {
    id: 'aspnetcore-cookies-append',
    framework: 'aspnetcore',
    language: 'csharp',
    api: 'Response.Cookies.Append()',
    description:
      'ASP.NET Core `Response.Cookies.Append(name, value[, options])`, with the HttpOnly / Secure of its `CookieOptions`.',
    defaults: { httpOnly: 'off', secure: 'off' },
    // The cookie policy's words too: the evidence index reads them from the files that say them.
    mentions: ['Cookies.Append', 'CookiePolicyOptions', 'UseCookiePolicy'],
    namedByCaller: true,
  },
  findSites(module) {
    if (!module.text.includes('Append')) return [];
    const sites: CookieSite[] = [];
    for (const node of nodesOfType(module.tree.rootNode, ['invocation_expression'])) {
      const call = callOf(module.text, node);
      if (!call || call.name !== 'Append' || call.args.length < 2 || call.args.length > 3) continue;
      const cookies = call.receiver;
      if (cookies?.type !== 'member_access_expression') continue;
      const member = cookies.childForFieldName('name');
      const owner = cookies.childForFieldName('expression');
      if (!member || !owner || textOf(module.text, member) !== 'Cookies') continue;
      const request = responseRequest(module, owner);
      if (request === undefined) continue;
      const site = siteOf(module, call, request);
      if (site) sites.push(site);
    }
    return sites;
  },
};

interface OptionsRead {
  flags: Record<Flag, FlagValue>;
  deletion: boolean;
  notes: string[];
}

function siteOf(module: CSharpModule, call: Call, request: string | null): CookieSite | null {
  // `Append(keyValuePairs, options)` (.NET 8) sets several cookies with one options object.
  const pairs = call.args.length === 2 && holdsCookieOptions(module, call.args[1]!);
  const [nameNode, valueNode, optionsNode] = pairs ? [undefined, undefined, call.args[1]] : call.args;
  const name = stringValue(module.text, nameNode);
  const base = {
    ruleId: 'aspnetcore-cookies-append',
    file: module.file,
    cookieNames: name === null ? [] : [name],
    valueText: valueNode ? textOf(module.text, valueNode) : undefined,
    keys: { ...KEYS },
    usedAt: [],
    ...(request ? { requestScheme: request } : {}),
  };
  if (!optionsNode) {
    const list = call.node.childForFieldName('arguments')!;
    const code = csharpCodeText(module.text) ?? module.text;
    const type = httpTypeName(module, 'CookieOptions', code);
    return {
      ...base,
      offset: call.node.startIndex,
      flags: { httpOnly: { kind: 'absent' }, secure: { kind: 'absent' } },
      insertion: {
        container: {
          file: module.file,
          syntax: 'cs-arguments',
          open: list.startIndex,
          close: list.endIndex - 1,
          entries: list.namedChildren.filter((child) => child.type === 'argument').map(spanOf),
          keyQuote: '',
          statementTemplate: `new ${type} { {entries} }`,
        },
        nest: [],
      },
      notes: [],
    };
  }
  if (isCookieOptions(module, optionsNode)) {
    const read = readCreation(module, optionsNode);
    if (read.deletion) return null;
    return {
      ...base,
      offset: optionsNode.startIndex,
      flags: read.flags,
      insertion: initializerInsertion(module, optionsNode),
      notes: [
        ...read.notes,
        ...(optionsNode.childForFieldName('initializer') ||
        optionsNode.namedChildren.some((child) => child.type === 'initializer_expression')
          ? []
          : [
              'The options are created inside the call without an initializer: add `{ HttpOnly = true, Secure = true }` after `new CookieOptions()`.',
            ]),
      ],
    };
  }
  if (optionsNode.type === 'identifier') return localOptionsSite(module, call, optionsNode, base);
  return {
    ...base,
    offset: call.node.startIndex,
    flags: unknownFlags(`the options come from \`${textOf(module.text, optionsNode)}\``),
    insertion: null,
    notes: [],
  };
}

/** A `CookieOptions` created in place, or a name declared as one (`CookieOptions o`, `var o = new CookieOptions()`). */
function holdsCookieOptions(module: CSharpModule, node: Node): boolean {
  if (isCookieOptions(module, node) && node.type === 'object_creation_expression') return true;
  if (node.type !== 'identifier') return false;
  const name = textOf(module.text, node);
  const type = declaredType(module, node, name);
  if (type) return namesType(module.text, type, HTTP_NAMESPACE, 'CookieOptions');
  const initial = varInitializer(module, node, name);
  return (
    initial !== null && initial.type === 'object_creation_expression' && isCookieOptions(module, initial)
  );
}

function unknownFlags(reason: string): Record<Flag, FlagValue> {
  return { httpOnly: { kind: 'unknown', reason }, secure: { kind: 'unknown', reason } };
}

/** `new CookieOptions(…) { … }`, its full name, or a target-typed `new() { … }` passed where options go. */
function isCookieOptions(module: CSharpModule, node: Node): boolean {
  if (node.type === 'implicit_object_creation_expression') return true;
  return (
    node.type === 'object_creation_expression' &&
    namesType(module.text, node.childForFieldName('type'), HTTP_NAMESPACE, 'CookieOptions')
  );
}

function initializerOf(creation: Node): Node | null {
  return (
    creation.childForFieldName('initializer') ??
    creation.namedChildren.find((child) => child.type === 'initializer_expression') ??
    null
  );
}

/** The flags an object creation's initializer sets; a copy constructor leaves the others unknown. */
function readCreation(module: CSharpModule, creation: Node): OptionsRead {
  const copied =
    (
      creation.childForFieldName('arguments') ??
      creation.namedChildren.find((child) => child.type === 'argument_list')
    )?.namedChildren.some((child) => child.type === 'argument') ?? false;
  const absent: FlagValue = copied
    ? { kind: 'unknown', reason: 'the options copy another `CookieOptions`' }
    : { kind: 'absent' };
  const read: OptionsRead = { flags: { httpOnly: absent, secure: absent }, deletion: false, notes: [] };
  const initializer = initializerOf(creation);
  if (initializer && hasDirective(module.text, initializer)) {
    const reason = 'preprocessor directives in the options decide which members are compiled';
    return { ...read, flags: unknownFlags(reason) };
  }
  for (const entry of initializer?.namedChildren ?? []) {
    if (entry.type !== 'assignment_expression') continue;
    const left = entry.childForFieldName('left');
    const value = entry.childForFieldName('right');
    if (left?.type !== 'identifier' || !value) continue;
    const member = textOf(module.text, left);
    if (deletes(member, textOf(module.text, value))) read.deletion = true;
    for (const flag of ['httpOnly', 'secure'] as Flag[])
      if (member === KEYS[flag]) read.flags[flag] = boolFlagValue(module, value);
  }
  return read;
}

/** New `Key = value` members in the initializer, or null when the creation has none to add to. */
function initializerInsertion(module: CSharpModule, creation: Node): CookieSite['insertion'] {
  const initializer = initializerOf(creation);
  if (!initializer || hasDirective(module.text, initializer)) return null;
  const container: Container = {
    file: module.file,
    syntax: 'cs-initializer',
    open: initializer.startIndex,
    close: initializer.endIndex - 1,
    entries: initializer.namedChildren.filter((child) => child.type !== 'comment').map(spanOf),
    keyQuote: '',
  };
  return { container, nest: [] };
}

/**
 * Options held in a local of the function that calls `Append`: read where it is declared with a
 * `new CookieOptions …`, and from the `options.HttpOnly = …` assignments between that and the call.
 */
function localOptionsSite(
  module: CSharpModule,
  call: Call,
  variable: Node,
  base: Omit<CookieSite, 'offset' | 'flags' | 'insertion' | 'notes'>,
): CookieSite | null {
  const name = textOf(module.text, variable);
  const fn = enclosingFunction(call.node);
  const declaration = fn ? localDeclaration(module, fn, name, call.node.startIndex) : null;
  if (!declaration) {
    return {
      ...base,
      offset: call.node.startIndex,
      flags: unknownFlags(`the options \`${name}\` are not created in this function`),
      insertion: null,
      notes: [],
    };
  }
  const { creation, statement, block } = declaration;
  const read = readCreation(module, creation);
  const late: string[] = [];
  let replaced = false;
  for (const node of nodesOfType(fn!, ['assignment_expression'])) {
    if (node.startIndex < statement.endIndex) continue;
    const left = node.childForFieldName('left');
    if (left?.type === 'identifier' && textOf(module.text, left) === name) replaced = true;
    const assigned = memberAssignment(module, node, name);
    if (!assigned) continue;
    const flag = (['httpOnly', 'secure'] as Flag[]).find((candidate) => KEYS[candidate] === assigned.member);
    if (node.startIndex > call.node.startIndex) {
      if (flag) late.push(textOf(module.text, node));
      continue;
    }
    // Only an assignment that is itself one of the block's statements surely runs; one under an `if` may not.
    const direct = node.parent?.type === 'expression_statement' && node.parent.parent?.equals(block);
    if (direct && deletes(assigned.member, textOf(module.text, assigned.value))) read.deletion = true;
    if (!flag) continue;
    const value = boolFlagValue(module, assigned.value);
    read.flags[flag] =
      direct || value.kind === 'unknown'
        ? value
        : { kind: 'conditional', span: spanOf(node), text: guardText(module, node, block), devOnly: false };
  }
  if (read.deletion) return null;
  const handed = handedTo(module, fn!, name, call.node.startIndex, call.node);
  const directive = /^[ \t]*#/m.test(module.text.slice(statement.startIndex, call.node.startIndex));
  if (replaced || handed || directive) {
    const reason = replaced
      ? `\`${name}\` is assigned other options later`
      : handed
        ? `\`${name}\` is handed to \`${handed}\`, which may set it`
        : 'preprocessor directives between the options and the call decide which code is compiled';
    for (const flag of ['httpOnly', 'secure'] as Flag[])
      if (read.flags[flag].kind === 'absent') read.flags[flag] = { kind: 'unknown', reason };
  }
  const initialized = initializerInsertion(module, creation);
  return {
    ...base,
    offset: creation.startIndex,
    flags: read.flags,
    insertion:
      replaced || handed || directive
        ? null
        : (initialized ?? {
            container: {
              file: module.file,
              syntax: 'cs-statements',
              open: statement.startIndex,
              close: block.endIndex,
              entries: [spanOf(lastSetupStatement(module, statement, name))],
              keyQuote: '',
              statementTemplate: `${name}.{key} = {value};`,
            },
            nest: [],
          }),
    notes: [
      ...read.notes,
      ...late.map(
        (assignment) =>
          `\`${assignment}\` comes after \`Append\`, which has already written the header by then.`,
      ),
    ],
  };
}

/** `var name = new CookieOptions …;` (or `CookieOptions name = new() …;`) in a block of `fn` before `before`. */
function localDeclaration(
  module: CSharpModule,
  fn: Node,
  name: string,
  before: number,
): { creation: Node; statement: Node; block: Node } | null {
  for (const statement of nodesOfType(fn, ['local_declaration_statement'])) {
    if (statement.startIndex >= before) break;
    if (enclosingFunction(statement)?.equals(fn) !== true) continue;
    const declaration = statement.namedChildren.find((child) => child.type === 'variable_declaration');
    const type = declaration?.childForFieldName('type');
    for (const declarator of declaration?.namedChildren ?? []) {
      if (declarator.type !== 'variable_declarator') continue;
      const id = declarator.childForFieldName('name');
      if (!id || textOf(module.text, id) !== name) continue;
      const creation = declarator.namedChildren.find(
        (child) =>
          child.type === 'object_creation_expression' || child.type === 'implicit_object_creation_expression',
      );
      const typed =
        creation?.type === 'object_creation_expression'
          ? namesType(module.text, creation.childForFieldName('type'), HTTP_NAMESPACE, 'CookieOptions')
          : namesType(module.text, type ?? null, HTTP_NAMESPACE, 'CookieOptions');
      const block = statement.parent;
      if (!creation || !typed || block?.type !== 'block') return null;
      return { creation, statement, block };
    }
  }
  return null;
}

/** The declaration, or the last of the `name.X = …;` statements that directly follow it. */
function lastSetupStatement(module: CSharpModule, declaration: Node, name: string): Node {
  let last = declaration;
  for (let next = declaration.nextNamedSibling; next; next = next.nextNamedSibling) {
    if (next.type === 'comment') continue;
    const expression = next.type === 'expression_statement' ? next.namedChildren[0] : null;
    if (!expression || !memberAssignment(module, expression, name)) break;
    last = next;
  }
  return last;
}

/** `if (<condition>)` of the innermost `if` around a nested assignment, or the assignment itself. */
function guardText(module: CSharpModule, node: Node, block: Node): string {
  const directive = directiveAround(module.text, node, block);
  if (directive) return directive;
  for (let current = node.parent; current && !current.equals(block); current = current.parent) {
    const condition = current.type === 'if_statement' ? current.childForFieldName('condition') : null;
    if (condition) return `if (${textOf(module.text, condition).replace(/\s+/g, ' ')})`;
  }
  return textOf(module.text, node);
}
