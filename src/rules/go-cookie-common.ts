// What the Go rules share: a keyed cookie struct literal (`http.Cookie{…}`, `fiber.Cookie{…}`,
// `sessions.Options{…}`) read into a cookie site. A struct literal sets every field it leaves out to the zero
// value, so a missing `HttpOnly` or `Secure` is off whatever the library does elsewhere.
import type { SyntaxNode } from '@lezer/common';
import {
  compositeContainer,
  goFlagValue,
  isPackageMember,
  keyedElements,
  stringValue,
  textOf,
  type GoModule,
} from '../languages/go/parse.js';
import type { CookieSite, Flag } from '../model.js';

export interface StructKeys {
  httpOnly: string;
  secure: string;
}

/** Every `TypedLiteral` of the module whose type passes `isType`, with the node it starts at. */
export function typedLiterals(module: GoModule, isType: (type: SyntaxNode) => boolean): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  module.tree.cursor().iterate((ref) => {
    if (ref.name !== 'TypedLiteral') return true;
    const type = ref.node.firstChild;
    if (type && isType(type)) found.push(ref.node);
    return true;
  });
  return found;
}

/** A cookie site for one struct literal; null for a deletion (`MaxAge: -1`), which needs no flags. */
export function structSite(
  module: GoModule,
  literal: SyntaxNode,
  ruleId: string,
  keys: StructKeys,
): CookieSite | null {
  const body = literal.getChild('LiteralValue');
  if (!body) return null;
  const elements = keyedElements(module, body);
  const byKey = new Map(elements.map((element) => [element.key, element]));
  const maxAge = byKey.get('MaxAge')?.value;
  if (maxAge && /^-\s*\d+$/.test(textOf(module, maxAge))) return null;
  const name = byKey.get('Name')?.value;
  const literalName = name ? stringValue(module, name) : null;
  const flags = {} as CookieSite['flags'];
  for (const flag of ['httpOnly', 'secure'] as Flag[]) {
    const element = byKey.get(keys[flag]);
    flags[flag] = element ? goFlagValue(module, element.value) : { kind: 'absent' };
  }
  const value = byKey.get('Value')?.value;
  const container = compositeContainer(module, body);
  return {
    ruleId,
    file: module.file,
    offset: literal.from,
    cookieNames: literalName ? [literalName] : [],
    valueText: value ? textOf(module, value) : undefined,
    flags,
    keys: { httpOnly: keys.httpOnly, secure: keys.secure },
    insertion: container ? { container, nest: [] } : null,
    usedAt: [],
    notes: container
      ? []
      : ['The struct literal lists its fields by position, so a field cannot be added by name.'],
  };
}

/** The struct literals of a package's cookie-options type (`fiber.Cookie`, `sessions.Options`), as sites. */
export function packageStructSites(
  module: GoModule,
  ruleId: string,
  struct: { packages: readonly string[]; type: string; keys: StructKeys; kind?: CookieSite['kind'] },
): CookieSite[] {
  if (![...module.imports.values()].some((path) => struct.packages.includes(path))) return [];
  return typedLiterals(module, (type) => isPackageMember(module, type, struct.packages, struct.type)).flatMap(
    (literal) => {
      const site = structSite(module, literal, ruleId, struct.keys);
      if (!site) return [];
      return [struct.kind ? { ...site, kind: struct.kind } : site];
    },
  );
}
