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
import type { CookieSite } from '../model.js';
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
      });
      return true;
    });
    return sites;
  },
};

/** Whether `name` is a parameter of the enclosing function declared as `*gin.Context`. */
function isGinContext(module: GoModule, node: SyntaxNode, name: string): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (
      current.name !== 'FunctionDecl' &&
      current.name !== 'MethodDecl' &&
      current.name !== 'FunctionLiteral'
    )
      continue;
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
