// Values that only say how the request came in (`req.secure`, `request.is_secure()`, `r.TLS != nil`,
// `$request->isHTTPS()`): Secure set from one follows the scheme of each request, so it is on over HTTPS and
// off over plain HTTP. It is not a switch someone flips per environment, and behind a proxy that terminates TLS
// it stays off unless the app trusts the proxy's forwarded scheme.

/** A request object's own scheme fields, in the JavaScript and Python frameworks. */
const RECEIVER_SCHEME =
  /^(?:req|request|self\.request|ctx|ctx\.request|c\.req|cherrypy\.request)\.(?:secure|is_secure|isSecure|protocol|scheme|url\.scheme|base)\b/;

/** The same in any language: a scheme compared with "https", a TLS state, an is-HTTPS method or server flag. */
const ANY_SCHEME_TEST = new RegExp(
  [
    String.raw`\bis_?https?\s*\(\s*\)`, // isHTTPS(), isHttps(), is_https()
    String.raw`\bisSecure\s*\(\s*\)`, // request.isSecure() (Servlet, Symfony, Laravel)
    String.raw`\.TLS\s*!=\s*nil\b`, // Go: r.TLS != nil
    String.raw`\bIsHttps\b`, // ASP.NET Core: Request.IsHttps
    String.raw`\$_SERVER\s*\[\s*['"]HTTPS['"]\s*\]`, // PHP's server flag
    String.raw`\.ssl\?(?!\w)`, // Ruby: request.ssl? (Rack, Rails, Sinatra)
    String.raw`\b(?:protocol|scheme|Protocol|Scheme)(?:\s*\(\s*\))?\s*={2,3}\s*['"\x60]https:?['"\x60]`,
  ].join('|'),
  'i',
);

/** Whether a flag's expression follows the request's scheme rather than a setting. */
export function followsRequestScheme(expression: string): boolean {
  return RECEIVER_SCHEME.test(expression) || ANY_SCHEME_TEST.test(expression);
}
