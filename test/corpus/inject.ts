// Cookie sites injected into copies of real files, so the fixer meets the formatting of thousands of real
// authors instead of our own fixtures. The options are the file's own first object literal (JS), dict
// display (Python) or keyed composite literal (Go), copied byte for byte, so their indentation, comments,
// quotes and trailing commas are the file's. The call goes at a statement boundary, spelled with the file's
// own line ending.
import type { SyntaxNode } from '@lezer/common';
import { childrenOf, keyedElements, textOf, type GoModule } from '../../src/languages/go/parse.js';
import { arrayPairs, textOf as phpTextOf, type PhpModule } from '../../src/languages/php/parse.js';
import { nodesOfType, type CSharpModule } from '../../src/languages/csharp/parse.js';
import type { JsNode } from '../../src/languages/javascript.js';
import { hashItems, textOf as rubyTextOf, type RubyModule } from '../../src/languages/ruby/parse.js';
import type { Node as RubyNode } from 'web-tree-sitter';
import { dictEntriesOf, type PyModule } from '../../src/languages/python.js';
import { indentationAt, lineBreakOf, lineEndOf, lineStartOf } from '../../src/languages/text.js';

export type Placement = 'end' | 'middle';

export interface Injection {
  placement: Placement;
  /** The file with the cookie call added. */
  text: string;
  /** Where the added statement starts and ends in `text`. */
  start: number;
  end: number;
  /** Where the copied options start in `text`. */
  optionsStart: number;
  /**
   * Why the engine may rightly leave the injected site unfixed (a spread, a flag already spelled out, a key it
   * cannot read); null when a fix of both flags is expected.
   */
  excuse: string | null;
  /** Rules that must each report a fixed site inside the injection (one injection may hold several sites). */
  rules?: readonly string[];
}

/** The injected statement's two halves around the copied options. */
const JS_CALL = ["res.cookie('session', token, ", ');'] as const;
const PY_CALL = ['self.set_cookie("session", token, **', ')'] as const;

/** AST keys that hold no child nodes (or hold comments, which babel also attaches elsewhere). */
const SKIPPED_KEYS = new Set([
  'loc',
  'tokens',
  'comments',
  'leadingComments',
  'trailingComments',
  'innerComments',
  'extra',
  'original',
]);

/** The object literal with at least one property that starts first in the file. */
export function firstJsObject(program: JsNode): JsNode | null {
  let best: JsNode | null = null;
  const seen = new Set<object>();
  // An explicit stack: real files nest deeper than the call stack allows.
  const pending: unknown[] = [program];
  while (pending.length > 0) {
    const value = pending.pop();
    if (!value || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      pending.push(...value);
      continue;
    }
    const node = value as Record<string, unknown>;
    if (
      node.type === 'ObjectExpression' &&
      Array.isArray(node.properties) &&
      node.properties.length > 0 &&
      typeof node.start === 'number' &&
      (best === null || node.start < best.start)
    ) {
      best = node;
    }
    for (const [key, child] of Object.entries(node)) {
      if (!SKIPPED_KEYS.has(key) && child && typeof child === 'object') pending.push(child);
    }
  }
  return best;
}

/** Express spells the flags `httpOnly` and `secure`. */
function jsExcuse(object: JsNode): string | null {
  for (const property of object.properties as JsNode[]) {
    if (property.type === 'SpreadElement') return 'the options have a spread';
    if (property.computed) return 'the options have a computed key';
    const key = property.key;
    const name = key?.type === 'Identifier' ? key.name : typeof key?.value === 'string' ? key.value : null;
    if (name === 'httpOnly' || name === 'secure') return `the options already set \`${name}\``;
  }
  return null;
}

/** Tornado spells the flags `httponly` and `secure` (case-insensitively in its cookie morsel). */
function pyExcuse(module: PyModule, dict: SyntaxNode): string | null {
  for (const entry of dictEntriesOf(module, dict)) {
    if (entry.splat) return 'the options have a ** splat';
    if (entry.key === null) return 'the options have a key that is not a string literal';
    if (/^(httponly|secure)$/i.test(entry.key)) return `the options already set \`${entry.key}\``;
  }
  return null;
}

/** The first dict display with at least one entry, in source order. */
export function firstPyDict(module: PyModule): SyntaxNode | null {
  let found: SyntaxNode | null = null;
  module.tree.iterate({
    enter(node) {
      if (found) return false;
      if (node.name !== 'DictionaryExpression') return undefined;
      if (dictEntriesOf(module, node.node).length > 0) {
        found = node.node;
        return false;
      }
      return undefined;
    },
  });
  return found;
}

function splice(
  text: string,
  at: number,
  statement: readonly [string, string],
  options: string,
): Omit<Injection, 'placement' | 'excuse'> {
  const eol = lineBreakOf(text);
  // At the end of a file without a final line break, the statement needs its own line.
  const lead = at === text.length && at > 0 && !text.endsWith('\n') && !text.endsWith('\r') ? eol : '';
  const added = `${statement[0]}${options}${statement[1]}`;
  return {
    text: `${text.slice(0, at)}${lead}${added}${eol}${text.slice(at)}`,
    start: at + lead.length,
    end: at + lead.length + added.length,
    optionsStart: at + lead.length + statement[0].length,
  };
}

/** The injections that fit this file (none when it has no object literal); `program` is babel's. */
export function injectJs(text: string, program: JsNode): Injection[] {
  const object = firstJsObject(program);
  if (!object) return [];
  const options = text.slice(object.start, object.end);
  const excuse = jsExcuse(object);
  const injections: Injection[] = [
    { placement: 'end', excuse, ...splice(text, text.length, JS_CALL, options) },
  ];
  // Between the first two top-level statements, when the second one starts its own line.
  const [first, second] = program.body as JsNode[];
  if (first && second) {
    const lineStart = lineStartOf(text, second.start);
    if (lineStart >= first.end && text.slice(lineStart, second.start).trim() === '') {
      injections.push({ placement: 'middle', excuse, ...splice(text, lineStart, JS_CALL, options) });
    }
  }
  return injections;
}

export function injectPy(module: PyModule): Injection[] {
  const dict = firstPyDict(module);
  if (!dict) return [];
  const text = module.text;
  const options = text.slice(dict.from, dict.to);
  const excuse = pyExcuse(module, dict);
  const injections: Injection[] = [
    { placement: 'end', excuse, ...splice(text, text.length, PY_CALL, options) },
  ];
  // Before the second top-level statement, but after a docstring and `from __future__` imports, which must
  // come first in a module.
  const statements: SyntaxNode[] = [];
  for (let node = module.tree.topNode.firstChild; node; node = node.nextSibling) {
    if (node.name !== 'Comment') statements.push(node);
  }
  let index = 1;
  while (index < statements.length && isPrologue(module, statements[index - 1]!, index - 1)) index++;
  const target = statements[index];
  if (target) {
    const lineStart = lineStartOf(text, target.from);
    const previous = statements[index - 1]!;
    if (lineStart >= previous.to && text.slice(lineStart, target.from) === '') {
      injections.push({ placement: 'middle', excuse, ...splice(text, lineStart, PY_CALL, options) });
    }
  }
  return injections;
}

function isPrologue(module: PyModule, statement: SyntaxNode, index: number): boolean {
  const source = module.text.slice(statement.from, statement.to);
  if (/^from\s+__future__\s+import\b/.test(source)) return true;
  return index === 0 && statement.name === 'ExpressionStatement' && /^[rRbBuU]*("""|'''|"|')/.test(source);
}

/** The injected Go function's name: `locateGo` finds the injection again by it after gofmt moved bytes. */
const GO_FUNCTION = 'cookieHardenerInjected';
/** A name no real file imports net/http under, so the copy's own `http` (or its absence) does not matter. */
const GO_IMPORT = 'import nethttp "net/http"';
const GO_TYPE = '&nethttp.Cookie';

/** The first composite literal body, in source order, whose elements (one or more) all have a key. */
export function firstGoKeyedLiteral(module: GoModule): SyntaxNode | null {
  let found: SyntaxNode | null = null;
  module.tree.iterate({
    enter(node) {
      if (found) return false;
      if (node.name !== 'LiteralValue') return undefined;
      const elements = childrenOf(node.node).filter((child) => child.name === 'Element');
      if (elements.length > 0 && elements.every((element) => element.getChild('Key'))) {
        found = node.node;
        return false;
      }
      return undefined;
    },
  });
  return found;
}

/** net/http spells the flags `HttpOnly` and `Secure`; a struct literal's last `Name` would win over ours. */
function goExcuse(module: GoModule, literal: SyntaxNode): string | null {
  for (const element of keyedElements(module, literal)) {
    // A map or array literal (`"amd64": 8`, `ssa.OpAdd: true`) can never be a cookie struct's: the fixer
    // rightly leaves keys it cannot read as field names to a person.
    if (!/^[\p{L}_][\p{L}\p{Nd}_]*$/u.test(element.key))
      return 'the literal has a key that is not a field name';
    if (element.key === 'HttpOnly' || element.key === 'Secure' || element.key === 'Name')
      return `the literal already sets \`${element.key}\``;
    // A cookie with a negative MaxAge deletes it, and the rule rightly leaves deletions alone.
    if (element.key === 'MaxAge' && element.value && /^-/.test(textOf(module, element.value)))
      return 'the literal deletes the cookie (negative `MaxAge`)';
  }
  // gofmt keeps `…, Last: x}` over several lines as it is, and the fixer leaves that layout to a person
  // rather than guess where gofmt would want the new elements.
  const elements = childrenOf(literal).filter((child) => child.name === 'Element');
  const body = textOf(module, literal);
  const last = elements.at(-1);
  if (last && body.includes('\n') && !module.text.slice(last.to, literal.to).includes('\n'))
    return "the closing brace ends the last element's line";
  return null;
}

/**
 * The copied literal with `Name: "session"` as its first element: on a line of its own when the literal
 * spans lines, inline otherwise, so both of the fixer's layouts are met.
 */
function withSessionName(module: GoModule, literal: SyntaxNode, eol: string): string {
  const text = module.text;
  const body = text.slice(literal.from + 1, literal.to);
  const element = 'Name: "session",';
  if (!body.includes('\n')) return `{${element} ${body}`;
  // Indented like the first element when that starts its own line, a level deeper than the brace otherwise.
  const first = literal.getChild('Element')!;
  const indentation =
    text.slice(lineStartOf(text, first.from), first.from).trim() === ''
      ? indentationAt(text, first.from)
      : `${indentationAt(text, literal.from)}\t`;
  return `{${eol}${indentation}${element}${body}`;
}

/** Where the injected function (its `{…}` options included) sits in an injected Go text. */
export function locateGo(module: GoModule): Pick<Injection, 'start' | 'end' | 'optionsStart'> | null {
  for (let node = module.tree.topNode.firstChild; node; node = node.nextSibling) {
    if (node.name !== 'FunctionDecl' || textOf(module, node.getChild('DefName') ?? node) !== GO_FUNCTION)
      continue;
    const typed = module.text.indexOf(GO_TYPE, node.from);
    if (typed === -1 || typed >= node.to) return null;
    return { start: node.from, end: node.to, optionsStart: typed + GO_TYPE.length };
  }
  return null;
}

/**
 * Copies of a Go file that also send a cookie built from the file's first keyed composite literal: an
 * import of net/http under a name of its own after the package clause (a second import declaration is valid
 * Go), and a function that passes the literal to `nethttp.SetCookie`, at the end of the file and before the
 * first top-level function (above its doc comment). The texts are as spliced; the caller may run them
 * through gofmt and must then find the injection again with `locateGo`.
 */
export function injectGo(module: GoModule): Injection[] {
  const literal = firstGoKeyedLiteral(module);
  const packageClause = module.tree.topNode.getChild('PackageClause');
  if (!literal || !packageClause) return [];
  const text = module.text;
  const eol = lineBreakOf(text);
  const lineEnd = lineEndOf(text, packageClause.to);
  if (lineEnd === text.length) return [];
  const afterPackage = lineEnd + (text[lineEnd] === '\r' ? 2 : 1);
  const options = withSessionName(module, literal, eol);
  const fn = `func ${GO_FUNCTION}(w nethttp.ResponseWriter, r *nethttp.Request) {${eol}\tnethttp.SetCookie(w, ${GO_TYPE}${options})${eol}}`;
  const excuse = goExcuse(module, literal);
  const build = (placement: Placement, at: number, added: string): Injection => {
    const spliced = `${text.slice(0, afterPackage)}${eol}${GO_IMPORT}${eol}${text.slice(afterPackage, at)}${added}${text.slice(at)}`;
    const shift = eol.length * 2 + GO_IMPORT.length;
    const start = at + shift + added.indexOf('func ');
    return {
      placement,
      excuse,
      text: spliced,
      start,
      end: start + fn.length,
      optionsStart: start + fn.indexOf(GO_TYPE) + GO_TYPE.length,
    };
  };
  const lead = text.endsWith('\n') ? '' : eol;
  const injections = [build('end', text.length, `${lead}${eol}${fn}${eol}`)];
  const target = firstTopLevelFunction(module);
  if (target !== null && target >= afterPackage)
    injections.push(build('middle', target, `${fn}${eol}${eol}`));
  return injections;
}

/** The line start above the first top-level function and the comment lines right on top of it. */
function firstTopLevelFunction(module: GoModule): number | null {
  const text = module.text;
  for (let node = module.tree.topNode.firstChild; node; node = node.nextSibling) {
    if (node.name !== 'FunctionDecl') continue;
    let top: SyntaxNode = node;
    for (let above = node.prevSibling; above; above = above.prevSibling) {
      if (above.name !== 'LineComment' && above.name !== 'BlockComment') break;
      // A blank line ends the doc comment.
      if (/\n[ \t\r]*\n/.test(text.slice(above.to, top.from))) break;
      // A comment after code on its line belongs to that code.
      if (text.slice(lineStartOf(text, above.from), above.from).trim() !== '') break;
      top = above;
    }
    const lineStart = lineStartOf(text, top.from);
    return text.slice(lineStart, top.from).trim() === '' ? lineStart : null;
  }
  return null;
}

/** The statement injected into PHP copies, around the copied options array. */
const PHP_CALL = ["setcookie('session', $token, ", ');'] as const;

/** The top-level declarations the 'middle' placement goes before. */
const PHP_DECLARATIONS = new Set([
  'FunctionDefinition',
  'ClassDeclaration',
  'InterfaceDeclaration',
  'TraitDeclaration',
  'EnumDeclaration',
]);

/** The first array literal, in source order, with one or more pairs, every one keyed by a string literal. */
export function firstPhpKeyedArray(module: PhpModule): SyntaxNode | null {
  let found: SyntaxNode | null = null;
  module.tree.iterate({
    enter(node) {
      if (found) return false;
      if (node.name !== 'ArrayExpression') return undefined;
      const pairs = arrayPairs(module, node.node);
      if (
        pairs.length > 0 &&
        pairs.every((pair) => pair.node.name === 'Pair' && pair.node.firstChild?.name === 'String')
      ) {
        found = node.node;
        return false;
      }
      return undefined;
    },
  });
  return found;
}

/** PHP reads the option keys case-insensitively; a key with an escape or a variable is not read by the rule. */
function phpExcuse(module: PhpModule, array: SyntaxNode): string | null {
  for (const pair of arrayPairs(module, array)) {
    if (pair.key === null) return 'the options have a key the rule cannot read';
    if (/^(httponly|secure)$/i.test(pair.key)) return `the options already set \`${pair.key}\``;
    // A past expiry deletes the cookie, which needs no flags.
    if (/^expires$/i.test(pair.key) && pair.value && isPastPhpExpiry(phpTextOf(module, pair.value)))
      return 'the options delete the cookie (an expiry in the past)';
  }
  return null;
}

/** A negative timestamp, one before 2001 (1e9), or `time() - …`. */
function isPastPhpExpiry(value: string): boolean {
  const text = value.replace(/\s+/g, '');
  const number = /^-?\d+$/.test(text) ? Number(text) : null;
  return (number !== null && number !== 0 && number < 1e9) || /^\\?time\(\)-/i.test(text);
}

/** A file that declares or imports its own `setcookie` calls that one, not PHP's. */
function declaresSetcookie(module: PhpModule): boolean {
  let found = false;
  module.tree.iterate({
    enter(node) {
      if (found) return false;
      if (node.name === 'FunctionDefinition') {
        const name = node.node.getChild('Name');
        if (name && /^setcookie$/i.test(phpTextOf(module, name))) found = true;
      }
      if (node.name === 'NamespaceUseDeclaration' && /\\?setcookie\b/i.test(phpTextOf(module, node.node)))
        found = true;
      return undefined;
    },
  });
  return found;
}

/** `added` on a line of its own at `at`, which is a line start or the end of the file. */
function splicePhp(text: string, at: number, added: string, optionsOffset: number) {
  const eol = lineBreakOf(text);
  const lead = at > 0 && text[at - 1] !== '\n' && text[at - 1] !== '\r' ? eol : '';
  return {
    text: `${text.slice(0, at)}${lead}${added}${eol}${text.slice(at)}`,
    start: at + lead.length,
    end: at + lead.length + added.length,
    optionsStart: at + lead.length + optionsOffset,
  };
}

/**
 * Copies of a PHP file that also call `setcookie('session', $token, <the file's first string-keyed array>)`:
 * at the end of the file (before a closing `?>` with nothing but white space after it; not at all when the file
 * ends in HTML), and on the line of the first top-level function, class, interface, trait or enum.
 */
export function injectPhp(module: PhpModule): Injection[] {
  const array = firstPhpKeyedArray(module);
  if (!array) return [];
  const text = module.text;
  const added = `${PHP_CALL[0]}${text.slice(array.from, array.to)}${PHP_CALL[1]}`;
  const excuse = declaresSetcookie(module) ? 'the file declares its own setcookie' : phpExcuse(module, array);
  const injections: Injection[] = [];
  const top = module.tree.topNode;
  // The last `<?php` / `?>` in the file says whether it ends in PHP: the tree may tuck a final `?>` into the
  // statement before it (`<?php } ?>` ending an if), so the top level alone does not tell.
  let last: SyntaxNode | null = null;
  module.tree.iterate({
    enter(node) {
      if (node.name === 'PhpOpen' || node.name === 'PhpClose') last = node.node;
    },
  });
  const mode = last as SyntaxNode | null;
  if (mode?.name === 'PhpOpen') {
    injections.push({ placement: 'end', excuse, ...splicePhp(text, text.length, added, PHP_CALL[0].length) });
  } else if (mode?.name === 'PhpClose' && text.slice(mode.to).trim() === '') {
    const lineStart = lineStartOf(text, mode.from);
    const at = text.slice(lineStart, mode.from).trim() === '' ? lineStart : mode.from;
    injections.push({ placement: 'end', excuse, ...splicePhp(text, at, added, PHP_CALL[0].length) });
  }
  for (let node = top.firstChild; node; node = node.nextSibling) {
    if (!PHP_DECLARATIONS.has(node.name)) continue;
    const lineStart = lineStartOf(text, node.from);
    if (text.slice(lineStart, node.from).trim() === '')
      injections.push({
        placement: 'middle',
        excuse,
        ...splicePhp(text, lineStart, added, PHP_CALL[0].length),
      });
    break;
  }
  return injections;
}

/** The injected C# method's parts around the options: the context is typed, so the call is ASP.NET Core's. */
const CS_METHOD = [
  'static void SetSessionCookie(Microsoft.AspNetCore.Http.HttpContext context, string token) => context.Response.Cookies.Append("session", token, new Microsoft.AspNetCore.Http.CookieOptions ',
  ');',
] as const;

/** The options when the file has no object initializer of its own. */
const CS_DEFAULT_OPTIONS = '{ Path = "/" }';

/** The first object initializer (`new T { A = 1, … }`) with at least one member assignment, in source order. */
export function firstCSharpInitializer(module: CSharpModule): { start: number; end: number } | null {
  for (const node of nodesOfType(module.tree.rootNode, ['initializer_expression'])) {
    const parent = node.parent?.type;
    if (parent !== 'object_creation_expression' && parent !== 'implicit_object_creation_expression') continue;
    if (!node.namedChildren.some((child) => child.type === 'assignment_expression')) continue;
    return { start: node.startIndex, end: node.endIndex };
  }
  return null;
}

/**
 * The controller injected into Ruby copies: a Rails cookie-jar write whose options are the file's first hash
 * literal with `value: token,` put first inside its braces (the rule reads a hash without a value as setting
 * nothing). Everything after that is the file's own bytes: key style, trailing comma, lines, comments.
 */
const RUBY_CONTROLLER = [
  'class CookieHardenerInjectedController < ApplicationController',
  '  def cookie_hardener_injected',
  '    cookies[:session] = ',
  '',
  '  end',
  'end',
];

/** The first hash literal, in source order, with one or more pairs, no heredoc and (for the copy) no `__END__`. */
export function firstRubyHash(module: RubyModule): RubyNode | null {
  for (const hash of module.root.descendantsOfType('hash')) {
    if (hashItems(module, hash).entries.length === 0) continue;
    if (hash.descendantsOfType('heredoc_beginning').length > 0) continue;
    return hash;
  }
  return null;
}

/** ASP.NET Core spells the flags `HttpOnly` and `Secure`; a directive or a past expiry changes what is read. */
function csharpExcuse(options: string): string | null {
  if (/^[ \t]*#/m.test(options)) return 'the options hold preprocessor directives';
  const flag = /(?<![\w.])(HttpOnly|Secure)\s*=/.exec(options);
  if (flag) return `the options already set \`${flag[1]}\``;
  if (/(?<![\w.])(?:Expires|MaxAge)\s*=/.test(options))
    return 'the options set an expiry, which may delete the cookie';
  return null;
}

/** What the rule may rightly leave alone in the copied options. */
function rubyExcuse(module: RubyModule, hash: RubyNode): string | null {
  const items = hashItems(module, hash);
  if (items.spread) return 'the options take entries from a splat';
  for (const entry of items.entries) {
    if (entry.key === null) return 'the options have a key the rule cannot read';
    if (/^(?:httponly|http_only|secure|value)$/.test(entry.key))
      return `the options already set \`${entry.key}\``;
    if (entry.key === 'expires' || entry.key === 'max_age')
      return `the options set \`${entry.key}\`, which may delete the cookie`;
  }
  return null;
}

/**
 * Copies of a C# file with a method that appends the cookie `session` with the file's first object initializer
 * as its options (or `{ Path = "/" }` when it has none): in a class of its own at the end of the file, and as the
 * first member of the file's first class, on its own line at the indentation of that class's first member.
 */
export function injectCSharp(module: CSharpModule): Injection[] {
  const text = module.text;
  const found = firstCSharpInitializer(module);
  const options = found ? text.slice(found.start, found.end) : CS_DEFAULT_OPTIONS;
  const excuse = csharpExcuse(options);
  const method = `${CS_METHOD[0]}${options}${CS_METHOD[1]}`;
  const eol = lineBreakOf(text);
  const injections: Injection[] = [];
  const lead = text.length > 0 && !text.endsWith('\n') ? eol : '';
  const header = `${lead}${eol}static class CookieHardenerProbe${eol}{${eol}    `;
  injections.push({
    placement: 'end',
    excuse,
    text: `${text}${header}${method}${eol}}${eol}`,
    start: text.length + header.length,
    end: text.length + header.length + method.length,
    optionsStart: text.length + header.length + CS_METHOD[0].length,
  });
  const owner = nodesOfType(module.tree.rootNode, ['class_declaration'])[0];
  const body = owner?.childForFieldName('body');
  const first = body?.namedChildren.find((child) => child.type !== 'comment');
  if (body && first && lineStartOf(text, first.startIndex) > body.startIndex) {
    const at = lineStartOf(text, first.startIndex);
    const indent = indentationAt(text, first.startIndex);
    // An attribute list starts the member's text, so the method goes above it, on its own line.
    const added = `${indent}${method}${eol}`;
    injections.push({
      placement: 'middle',
      excuse,
      text: `${text.slice(0, at)}${added}${text.slice(at)}`,
      start: at + indent.length,
      end: at + indent.length + method.length,
      optionsStart: at + indent.length + CS_METHOD[0].length,
    });
  }
  return injections;
}

/**
 * Copies of a Ruby file with a Rails controller that writes `cookies[:session] = {value: token, <the file's
 * first hash>}`: at the end of the file (before a `__END__` data section), and before the first top-level
 * class or module.
 */
export function injectRuby(module: RubyModule): Injection[] {
  const hash = firstRubyHash(module);
  if (!hash) return [];
  const text = module.text;
  const eol = lineBreakOf(text);
  const source = rubyTextOf(module, hash);
  const options = `{value: token, ${source.slice(1)}`;
  const head = RUBY_CONTROLLER.slice(0, 3).join(eol);
  const tail = RUBY_CONTROLLER.slice(3).join(eol);
  const statement = `${head}${options}${tail}`;
  const excuse = rubyExcuse(module, hash);
  const splice = (at: number) => {
    const lead = at > 0 && text[at - 1] !== '\n' ? eol : '';
    return {
      text: `${text.slice(0, at)}${lead}${statement}${eol}${text.slice(at)}`,
      start: at + lead.length,
      end: at + lead.length + statement.length,
      optionsStart: at + lead.length + head.length,
    };
  };
  const injections: Injection[] = [];
  // `__END__` starts the data section: what follows it is not code.
  const data = module.root.children.find((node) => node.type === '__END__' || node.type === 'uninterpreted');
  const end = data ? lineStartOf(text, data.startIndex) : text.length;
  injections.push({ placement: 'end', excuse, ...splice(end) });
  const declaration = module.root.namedChildren.find(
    (node) => node.type === 'class' || node.type === 'module',
  );
  if (
    declaration &&
    text.slice(lineStartOf(text, declaration.startIndex), declaration.startIndex).trim() === ''
  )
    injections.push({ placement: 'middle', excuse, ...splice(lineStartOf(text, declaration.startIndex)) });
  return injections;
}
