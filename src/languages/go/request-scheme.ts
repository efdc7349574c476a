// The request a Go handler receives, as the expression that is true on HTTPS requests: what Secure is set
// from when HTTPS is optional in a project. Found only where a parameter of an enclosing function has the
// framework's request type; anywhere else there is no request to name.
import type { SyntaxNode } from '@lezer/common';
import { childrenOf, isPackageMember, parseGo, textOf, type GoModule } from './parse.js';

interface RequestType {
  packages: readonly string[];
  type: string;
  /** `*http.Request` (true), `echo.Context` (false); either when null. */
  pointer: boolean | null;
  value: (name: string) => string;
  caution: (name: string) => string;
}

const REQUEST_TYPES: readonly RequestType[] = [
  {
    packages: ['net/http'],
    type: 'Request',
    pointer: true,
    value: (name) => `${name}.TLS != nil`,
    caution: (name) =>
      `\`${name}.TLS\` is nil on every request a TLS-terminating proxy forwards, so behind one the cookie never gets Secure`,
  },
  {
    packages: ['github.com/gin-gonic/gin'],
    type: 'Context',
    pointer: true,
    value: (name) => `${name}.Request.TLS != nil`,
    caution: (name) =>
      `\`${name}.Request.TLS\` is nil on every request a TLS-terminating proxy forwards, so behind one the cookie never gets Secure`,
  },
  {
    packages: ['github.com/labstack/echo/v4', 'github.com/labstack/echo/v5'],
    type: 'Context',
    pointer: null,
    value: (name) => `${name}.IsTLS()`,
    caution: (name) =>
      `\`${name}.IsTLS()\` is false on every request a TLS-terminating proxy forwards, so behind one the cookie never gets Secure`,
  },
  {
    packages: ['github.com/gofiber/fiber/v2', 'github.com/gofiber/fiber/v3'],
    type: 'Ctx',
    pointer: null,
    value: (name) => `${name}.Protocol() == "https"`,
    caution: () =>
      'behind a TLS-terminating proxy Fiber reports `https` only with `EnableTrustedProxyCheck` and the proxy in `TrustedProxies`',
  },
];

/** The expression for the innermost enclosing handler's request, with what to watch for; null when none. */
export function goRequestScheme(
  file: string,
  text: string,
  offset: number,
): { value: string; caution: string } | null {
  const module = parseGo(file, text);
  for (let node: SyntaxNode | null = module.tree.resolveInner(offset, 1); node; node = node.parent) {
    if (node.name !== 'FunctionDecl' && node.name !== 'MethodDecl' && node.name !== 'FunctionLiteral')
      continue;
    const found = requestParameter(module, node);
    if (found) return found;
  }
  return null;
}

function requestParameter(module: GoModule, func: SyntaxNode): { value: string; caution: string } | null {
  const parameters = func.getChild('Parameters');
  for (const parameter of parameters ? childrenOf(parameters) : []) {
    if (parameter.name !== 'Parameter') continue;
    const names = parameter.getChildren('DefName').map((name) => textOf(module, name));
    if (names.length !== 1) continue;
    const pointer = parameter.getChild('PointerType');
    const type = pointer ? pointer.getChild('QualifiedType') : parameter.getChild('QualifiedType');
    const request = REQUEST_TYPES.find(
      (candidate) =>
        (candidate.pointer === null || candidate.pointer === (pointer !== null)) &&
        isPackageMember(module, type, candidate.packages, candidate.type),
    );
    if (request) return { value: request.value(names[0]!), caution: request.caution(names[0]!) };
  }
  return null;
}
