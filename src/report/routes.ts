// The route a cookie is set on, when the code says it plainly, so the checklist can name the URL to curl:
// file-based routers (Next.js, SvelteKit, Astro) from the path alone, and handlers registered with a literal
// path (`router.post('/login', …)`, `@app.route("/login", methods=["POST"])`) when the cookie is set inside
// that handler. Anything less certain gives no route: a wrong URL in a checklist is worse than `PATH`.

export interface Route {
  /** Upper case, or null when any method (or GET) will do. */
  method: string | null;
  /** Starts with `/`. */
  path: string;
}

/** `(group)` and `@slot` folders do not appear in the URL; `index` is the folder itself. */
function urlFromSegments(segments: readonly string[]): string {
  const kept = segments.filter(
    (segment) => segment !== '' && !/^\(.*\)$/.test(segment) && !segment.startsWith('@'),
  );
  return `/${kept.join('/')}`;
}

function fileRoute(file: string): Route | null {
  const next = /(?:^|\/)app\/((?:[^/]+\/)*)route\.[cm]?[jt]sx?$/.exec(file);
  if (next) return { method: null, path: urlFromSegments((next[1] ?? '').split('/')) };
  const pagesApi = /(?:^|\/)pages\/api\/(.+?)(?:\/index)?\.[cm]?[jt]sx?$/.exec(file);
  if (pagesApi) return { method: null, path: `/api${urlFromSegments((pagesApi[1] ?? '').split('/'))}` };
  const svelte = /(?:^|\/)src\/routes\/((?:[^/]+\/)*)\+(?:page\.server|layout\.server|server)\.[jt]s$/.exec(
    file,
  );
  if (svelte) return { method: null, path: urlFromSegments((svelte[1] ?? '').split('/')) };
  const astro = /(?:^|\/)src\/pages\/(.+?)\.(?:astro|[cm]?[jt]s)$/.exec(file);
  if (astro) {
    const segments = (astro[1] ?? '').split('/');
    if (segments.at(-1) === 'index') segments.pop();
    return { method: null, path: urlFromSegments(segments) };
  }
  return null;
}

const JS_METHODS = 'get|post|put|patch|delete|del|all';
/** `x.post('/login', …`: the receiver is anything (app, router, fastify, hono); the path a plain literal. */
const JS_ROUTE = new RegExp(`\\.(${JS_METHODS})\\(\\s*(['"\`])(/[^'"\`$]*)\\2\\s*,`, 'g');

/** Offset of a 1-based line and UTF-16 column. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return offset + column - 1;
}

/** Parentheses still open between `from` and `to`, strings and comments left out (near enough for routes). */
function openParens(text: string, from: number, to: number): number {
  const code = text
    .slice(from, to)
    .replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '')
    .replace(/'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g, '""');
  let depth = 0;
  for (const char of code) {
    if (char === '(') depth++;
    else if (char === ')') depth--;
  }
  return depth;
}

function jsRoute(text: string, offset: number): Route | null {
  let found: Route | null = null;
  for (const match of text.slice(0, offset).matchAll(JS_ROUTE)) {
    // The call's own `(` is the last character before the path's quote; inside its arguments the depth is > 0.
    const open = (match.index ?? 0) + match[0].indexOf('(');
    if (openParens(text, open, offset) > 0) {
      const method = (match[1] ?? '').toUpperCase();
      found = {
        method: method === 'GET' || method === 'ALL' ? null : method === 'DEL' ? 'DELETE' : method,
        path: match[3] ?? '/',
      };
    }
  }
  return found;
}

const PY_DECORATOR = /^(\s*)@[\w.]+\.(route|get|post|put|patch|delete)\(\s*[rbu]?(['"])(\/[^'"]*)\3(.*)$/;
const PY_DEF = /^(\s*)(?:async\s+)?def\s/;

function indentOf(line: string): number {
  return /^\s*/.exec(line)?.[0].length ?? 0;
}

function decoratorRoute(lines: readonly string[], def: number): Route | null {
  for (let up = def - 1; up >= 0 && /^\s*@/.test(lines[up] ?? ''); up--) {
    const decorator = PY_DECORATOR.exec(lines[up] ?? '');
    if (!decorator) continue;
    const kind = decorator[2] ?? 'route';
    const listed = /methods\s*=\s*[[(]\s*['"](\w+)['"]\s*[\])]/.exec(decorator[5] ?? '')?.[1];
    const method = kind === 'route' ? (listed?.toUpperCase() ?? null) : kind.toUpperCase();
    return { method: method === 'GET' ? null : method, path: decorator[4] ?? '/' };
  }
  return null;
}

/** The decorated function the line sits in, walking out through the blocks that enclose it. */
function pyRoute(lines: readonly string[], index: number): Route | null {
  let level = indentOf(lines[index] ?? '');
  for (let at = index - 1; at >= 0; at--) {
    const line = lines[at] ?? '';
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const indent = indentOf(line);
    if (indent >= level) continue;
    level = indent;
    if (PY_DEF.test(line)) {
      const route = decoratorRoute(lines, at);
      if (route) return route;
    }
    if (indent === 0) return null;
  }
  return null;
}

/** The route whose handler sets the cookie at `line`/`column` of `file`, or null. */
export function routeOf(file: string, line: number, column: number, text: string | undefined): Route | null {
  const byPath = fileRoute(file);
  if (byPath) return byPath;
  if (text === undefined) return null;
  const route = file.endsWith('.py')
    ? pyRoute(text.split(/\r?\n/), line - 1)
    : jsRoute(text, offsetOf(text, line, column));
  // `/*` or a pattern matches many URLs and names none a person can curl: the file is named instead.
  return route && !/[*(]/.test(route.path) ? route : null;
}
