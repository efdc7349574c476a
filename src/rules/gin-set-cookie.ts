// gin's `c.SetCookie(name, value, maxAge, path, domain, secure, httpOnly)`: both flags are positional
// booleans (the sixth and seventh arguments), so each is exactly what the call passes. The call counts only on
// a receiver the code declares as `*gin.Context`: a project type with its own seven-argument `SetCookie` is
// not gin's.
import type { SyntaxNode } from '@lezer/common';
import {
  childrenOf,
  goFlagValue,
  isPackageMember,
  stringValue,
  textOf,
  type GoModule,
} from '../languages/go/parse.js';
import { lineStartOf } from '../languages/text.js';
import type { CookieSite, FlagValue } from '../model.js';
import type { GoRule } from './rule.js';

const GIN = ['github.com/gin-gonic/gin'];

export const ginSetCookie: GoRule = {
  meta: {
    id: 'gin-set-cookie',
    framework: 'gin',
    language: 'go',
    api: 'c.SetCookie()',
    description: "gin's SetCookie with its positional secure and httpOnly arguments.",
    defaults: { httpOnly: 'off', secure: 'off' },
    mentions: ['SetCookie('],
    namedByCaller: true,
  },
  findSites(module) {
    if (![...module.imports.values()].some((path) => GIN.includes(path))) return [];
    const sites: CookieSite[] = [];
    module.tree.cursor().iterate((ref) => {
      if (ref.name !== 'CallExpr') return true;
      const call = ref.node;
      const callee = call.firstChild;
      if (callee?.name !== 'SelectorExpr' || textOf(module, callee.lastChild!) !== 'SetCookie') return true;
      const receiver = callee.firstChild;
      if (receiver?.name !== 'VariableName') return true;
      const args = childrenOf(call.getChild('Arguments')!).filter(
        (child) => child.name !== '(' && child.name !== ')' && child.name !== ',',
      );
      if (args.length !== 7 || !isGinContext(module, call, textOf(module, receiver))) return true;
      const name = stringValue(module, args[0]!);
      sites.push({
        ruleId: 'gin-set-cookie',
        file: module.file,
        offset: call.from,
        cookieNames: name === null ? [] : [name],
        valueText: textOf(module, args[1]!),
        flags: { secure: goFlagValue(module, args[5]!), httpOnly: goFlagValue(module, args[6]!) },
        keys: { httpOnly: 'httpOnly', secure: 'secure' },
        insertion: null,
        usedAt: [],
        notes: [],
        sameSiteCall: sameSiteCallOf(module, call, textOf(module, receiver)),
      });
      return true;
    });
    return sites;
  },
};

/** Whether `name` is a parameter of the enclosing function declared as `*gin.Context`. */
function isGinContext(module: GoModule, node: SyntaxNode, name: string): boolean {
  for (let current = enclosingFunction(node); current; current = enclosingFunction(current)) {
    const parameters = current.getChild('Parameters');
    for (const parameter of parameters ? childrenOf(parameters) : []) {
      if (parameter.name !== 'Parameter') continue;
      const names = parameter.getChildren('DefName').map((defined) => textOf(module, defined));
      if (!names.includes(name)) continue;
      const type = parameter.getChild('PointerType')?.getChild('QualifiedType') ?? null;
      return isPackageMember(module, type, GIN, 'Context');
    }
  }
  return false;
}

/**
 * SameSite for a gin cookie: the last `c.SetSameSite(mode)` on the same context before the call, in the same
 * function (gin keeps the mode on the context for the calls after it). Where there is none, a new call would go
 * on its own line just above the cookie's, written with the file's own name for net/http.
 */
function sameSiteCallOf(module: GoModule, call: SyntaxNode, receiver: string): CookieSite['sameSiteCall'] {
  const httpPackage = [...module.imports].find(([, path]) => path === 'net/http')?.[0] ?? null;
  let value: FlagValue = { kind: 'absent' };
  const owner = enclosingFunction(call);
  owner?.cursor().iterate((ref) => {
    if (ref.from >= call.from) return false;
    if (ref.name !== 'CallExpr') return true;
    const callee = ref.node.firstChild;
    if (callee?.name !== 'SelectorExpr' || textOf(module, callee.lastChild!) !== 'SetSameSite') return true;
    if (textOf(module, callee.firstChild!) !== receiver) return true;
    const args = childrenOf(ref.node.getChild('Arguments')!).filter(
      (child) => child.name !== '(' && child.name !== ')' && child.name !== ',',
    );
    if (args.length === 1) value = sameSiteMode(module, args[0]!);
    return true;
  });
  const text = module.text;
  const lineStart = lineStartOf(text, call.from);
  const indent = text.slice(lineStart, call.from);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return {
    value,
    httpPackage,
    insertAt:
      indent.trim() === ''
        ? { offset: lineStart, prefix: `${indent}${receiver}.SetSameSite(`, suffix: `)${eol}` }
        : null,
  };
}

function enclosingFunction(node: SyntaxNode): SyntaxNode | null {
  for (let current = node.parent; current; current = current.parent) {
    if (
      current.name === 'FunctionDecl' ||
      current.name === 'MethodDecl' ||
      current.name === 'FunctionLiteral'
    )
      return current;
  }
  return null;
}

/** `http.SameSiteLaxMode` / `Strict` send SameSite; `None` turns it off; `Default` sends no attribute. */
function sameSiteMode(module: GoModule, argument: SyntaxNode): FlagValue {
  const written = textOf(module, argument);
  const span = { start: argument.from, end: argument.to };
  const mode = /(?:^|\.)SameSite(Lax|Strict|None|Default)Mode$/.exec(written)?.[1];
  if (mode === 'Lax' || mode === 'Strict') return { kind: 'true', span };
  if (mode === 'None' || mode === 'Default') return { kind: 'false', span, file: module.file };
  return { kind: 'conditional', span, text: written, devOnly: false };
}
