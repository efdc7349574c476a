// Plain-HTTP intent: signs that a project deliberately serves (some of) its cookies over plain HTTP, so a
// hard-coded Secure would stop them working. Each fact says how far it reaches (project, file, a few lines
// around, or one cookie name) so the policy can ask about one site.
import { snippet, type Source } from './source.js';
import {
  inPackage,
  type EvidenceFact,
  type OptionalTlsFact,
  type PackageScope,
  type PlainHttpFact,
} from './types.js';

/** Lines above and below a comment that it speaks for. */
const COMMENT_REACH = 3;

/**
 * Comments saying HTTPS is not there yet, or that Secure broke something. Deliberately specific: "https"
 * alone is in every URL.
 */
const PLAIN_HTTP_COMMENT = new RegExp(
  [
    String.raw`\buntil\b[^\n]{0,30}\b(?:ssl|https|tls|certificate)`,
    String.raw`\b(?:no|without|lacks?|missing)\s+(?:ssl|https|tls)\b`,
    String.raw`\b(?:ssl|https|tls)\b[^\n]{0,20}\b(?:is\s+not|isn't|not)\s+(?:yet\s+)?(?:available|enabled|configured|set\s*up|setup|supported|there|ready|in\s+place|working)`,
    String.raw`\bnot\s+(?:yet\s+)?(?:using|on|behind|serving\s+over|served\s+over|running\s+on)\s+(?:ssl|https|tls)\b`,
    String.raw`\b(?:plain|over|via|only)\s+http\b(?!s)`,
    String.raw`\bhttp[\s-]only\s+(?:deployments?|servers?|sites?|setups?)`,
    String.raw`\b(?:secure|https)\b[^\n]{0,40}\b(?:breaks?|broke|broken|doesn'?t\s+work|does\s+not\s+work|won'?t\s+work|stops?\s+working|fails?)\b`,
    String.raw`\bcreates?\s+a\s+new\s+session\s+(?:every|each|on\s+every)`,
    String.raw`\b(?:when|once|after)\s+(?:we\s+)?(?:have|get|add|enable|move\s+to|switch\s+to)\s+(?:ssl|https|tls)\b`,
    String.raw`\bbefore\s+(?:ssl|https|tls)\b`,
    String.raw`\btodo\b[^\n]{0,40}\b(?:ssl|https|tls)\b`,
  ].join('|'),
  'i',
);

/** Comments near code: their text and where they start. */
function comments(source: Source): Array<{ at: number; text: string }> {
  const found: Array<{ at: number; text: string }> = [];
  const pattern =
    source.kind === 'python' || source.kind === 'ruby'
      ? /#[^\n]*/g
      : source.kind === 'php'
        ? /\/\/[^\n]*|#(?!\[)[^\n]*|\/\*[\s\S]*?\*\//g
        : /\/\/[^\n]*|\/\*[\s\S]*?\*\//g;
  for (let match = pattern.exec(source.text); match; match = pattern.exec(source.text)) {
    // `//` inside a URL string is not a comment.
    if (
      source.kind !== 'python' &&
      match[0].startsWith('//') &&
      /:$/.test(source.text.slice(match.index - 1, match.index))
    )
      continue;
    // A `#` inside a string (`'#fff'`) is not a comment either.
    if (
      (source.kind === 'python' ||
        source.kind === 'ruby' ||
        (source.kind === 'php' && match[0].startsWith('#'))) &&
      !source.inLineComment(match.index + 1)
    )
      continue;
    found.push({ at: match.index, text: match[0] });
  }
  return found;
}

export function findPlainHttp(source: Source): PlainHttpFact[] {
  const facts: PlainHttpFact[] = [];
  if (source.kind === 'python') {
    const redirect = /^[ \t]*SECURE_SSL_REDIRECT[ \t]*=[ \t]*False\b/m.exec(source.text);
    if (redirect) {
      const at = redirect.index + redirect[0].length - redirect[0].trimStart().length;
      facts.push({
        ...source.fact(
          at,
          '`SECURE_SSL_REDIRECT = False` in this settings module: it does not send visitors to HTTPS',
        ),
        kind: 'ssl-redirect-off',
        scope: { kind: 'file' },
      });
    }
  }
  if (source.kind === 'python') facts.push(...httpTrustedOrigins(source));
  if (
    source.kind === 'python' ||
    source.kind === 'javascript' ||
    source.kind === 'go' ||
    source.kind === 'php' ||
    source.kind === 'java' ||
    source.kind === 'csharp' ||
    source.kind === 'ruby'
  ) {
    if (/ssl|https|tls|secure|session|certificate/i.test(source.text)) {
      for (const comment of comments(source)) {
        const said = PLAIN_HTTP_COMMENT.exec(comment.text);
        if (!said) continue;
        const around = source.linesAround(
          comment.at,
          COMMENT_REACH,
          COMMENT_REACH + countLines(comment.text),
        );
        facts.push({
          ...source.fact(comment.at, `a comment says "${snippet(cleanComment(comment.text), 100)}"`),
          kind: 'comment',
          scope: { kind: 'near', start: around.start, end: around.end },
        });
      }
    }
    const twin = /(['"`])([\w.$:-]+?)([-_.](?:un|in)secure)\1/gi;
    for (let match = twin.exec(source.text); match; match = twin.exec(source.text)) {
      const lineStart = source.text.lastIndexOf('\n', match.index) + 1;
      const lineEnd = source.text.indexOf('\n', match.index);
      const line = source.text.slice(lineStart, lineEnd === -1 ? source.text.length : lineEnd);
      if (!/cookie|session|name/i.test(line) || source.inLineComment(match.index)) continue;
      const base = match[2]!;
      facts.push({
        ...source.fact(
          match.index,
          `the cookie \`${base}${match[3]}\` is a plain-HTTP twin of \`${base}\`: the project serves it without HTTPS too`,
        ),
        kind: 'insecure-twin',
        scope: { kind: 'cookie', name: base },
      });
    }
  }
  return facts;
}

/** Hosts that browsers treat as secure over plain HTTP, so listing them says nothing about deployments. */
const LOOPBACK = /^http:\/\/(?:localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[::1\])(?::\d+)?\/?$/i;

/**
 * Django's CSRF_TRUSTED_ORIGINS names the origins the site is served from, scheme included: when every one
 * is `http://` and one is a real host, the project is served over plain HTTP, where Secure cookies are refused.
 */
function httpTrustedOrigins(source: Source): PlainHttpFact[] {
  const setting = /^[ \t]*CSRF_TRUSTED_ORIGINS[ \t]*=[ \t]*[[(]([^\])]*)[\])]/m.exec(source.text);
  if (!setting) return [];
  const origins = Array.from(setting[1]!.matchAll(/(['"])([^'"\n]*)\1/g), (match) => match[2]!);
  if (origins.length === 0 || !origins.every((origin) => /^http:\/\//i.test(origin))) return [];
  const remote = origins.find((origin) => !LOOPBACK.test(origin));
  if (!remote) return [];
  const at = setting.index + setting[0].length - setting[0].trimStart().length;
  return [
    {
      ...source.fact(
        at,
        `\`CSRF_TRUSTED_ORIGINS\` lists only plain-HTTP origins (\`${snippet(remote, 60)}\`): the site is served without HTTPS`,
      ),
      kind: 'http-origins',
      scope: { kind: 'project' },
    },
  ];
}

function countLines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
  return count;
}

function cleanComment(text: string): string {
  return text
    .replace(/^\s*(?:\/\/+|\/\*+|#+)\s*/, '')
    .replace(/\*+\/\s*$/, '')
    .replace(/^\s*\*\s?/gm, '');
}

export interface ServerInput {
  sources: readonly Source[];
  /** Where a package.json `bin` or a console script is declared: the project is a tool people run themselves. */
  isLocalTool: EvidenceFact | null;
  /** The package that declares the command: the files the tool's facts speak for. */
  toolPackage?: PackageScope;
  /** Proxy trust or proxy hints were found: the app expects TLS in front of it. */
  behindProxy: boolean;
  /** Optional TLS was found: HTTPS is a choice, not absent. */
  hasTlsOption: boolean;
  /** An enabled Express proxy-trust setting, when there is one: `req.secure` then tells HTTPS from HTTP. */
  expressProxyTrust: { file: string; line: number; setting: string } | null;
}

const HTTP_SERVER: Record<'javascript' | 'python', RegExp> = {
  javascript: /\bhttp\.createServer\(|(?<![\w$])(?:app|server)\.listen\(/,
  python:
    /HTTPServer\(|\b(?:app|application|server|http_server)\.(?:run|listen)\(|\bmake_server\(|\bserve_forever\(|\bweb\.run_app\(|\buvicorn\.run\(|\bwaitress\.serve\(/,
};
/** The server a Node app itself starts (not a dev-server call inside a build tool's config). */
const NODE_APP_SERVER = /(?<![\w$])(?:http\.createServer\(|new\s+http\.Server\(|(?:app|server)\.listen\()/;
const TLS_ANYWHERE =
  /\bhttps\.createServer\(|\bcreateSecureServer\(|\bssl_context\b|\bssl_options\b|\bcertfile\b|\bkeyfile\b|\bssl_certfile\b|--cert\b|\bwrap_socket\(|\bSSLContext\(|\bcert\s*:\s*(?:fs\.)?readFileSync/;

/**
 * A server that binds plain HTTP in a project with no TLS at all.
 * For a local tool (a `bin`, a console script) with no proxy either, its cookies can never be Secure:
 * plain-HTTP intent. For a Node app that trusts a proxy, TLS ends at that proxy and `req.secure` tells an
 * HTTPS request from a plain one exactly, so Secure can follow the request at no cost: the same install then
 * keeps working when it is reached over plain HTTP (a container on a LAN, a local run).
 * Python apps are left out: `app.run()` and `make_server()` are development servers there, and production
 * runs under a WSGI/ASGI server the code does not show.
 */
export function findHttpOnlyServer(input: ServerInput): {
  plainHttp: PlainHttpFact[];
  optionalTls: OptionalTlsFact[];
} {
  const none = { plainHttp: [], optionalTls: [] };
  if (input.hasTlsOption) return none;
  const localTool = input.isLocalTool !== null && !input.behindProxy;
  let server: { source: Source; at: number; code: string } | null = null;
  for (const source of input.sources) {
    if (source.kind !== 'javascript' && source.kind !== 'python') continue;
    if (TLS_ANYWHERE.test(source.text)) return none;
    if (server || (!input.isLocalTool && source.kind !== 'javascript')) continue;
    // A tool's own server is in its own package, not in a sibling app of the same repository.
    if (input.isLocalTool && input.toolPackage && !inPackage(input.toolPackage, source.file)) continue;
    const match = (input.isLocalTool ? HTTP_SERVER[source.kind] : NODE_APP_SERVER).exec(source.text);
    if (match && !source.inLineComment(match.index)) server = { source, at: match.index, code: match[0] };
  }
  if (localTool && server) {
    const fact = server.source.fact(
      server.at,
      `\`${snippet(server.code)}…\` serves plain HTTP and the project, a local tool, has no TLS option`,
    );
    return {
      plainHttp: [
        {
          ...fact,
          kind: 'http-only-server',
          scope: input.toolPackage ? { kind: 'package', ...input.toolPackage } : { kind: 'project' },
        },
      ],
      optionalTls: [],
    };
  }
  if (input.isLocalTool) {
    // A tool people install and run themselves, with no TLS in its code: it serves plain HTTP unless someone
    // puts a TLS proxy in front, so HTTPS is optional for each install.
    return {
      plainHttp: [],
      optionalTls: [
        {
          ...input.isLocalTool,
          fact: `${input.isLocalTool.fact}, and no code in the project sets up TLS: each install serves plain HTTP unless a TLS proxy is put in front`,
          kind: 'tool-without-tls',
          ...(input.toolPackage ? { within: input.toolPackage } : {}),
        },
      ],
    };
  }
  if (!input.expressProxyTrust || !server) return none;
  const trust = input.expressProxyTrust;
  const fact = server.source.fact(
    server.at,
    `\`${snippet(server.code)}…\` serves plain HTTP and the project sets up no TLS of its own: HTTPS, where there is any, ends at the proxy it trusts (\`${trust.setting}\`, ${trust.file}:${trust.line})`,
  );
  return { plainHttp: [], optionalTls: [{ ...fact, kind: 'no-tls-server' }] };
}

/** Deployment files that only exist for tests or as examples say nothing about how the project is served. */
/** Test set-ups, examples and docs: a compose file there is not how the project is run. */
export const NOT_A_DEPLOYMENT =
  /(?:^|\/)(?:tests?|__tests__|examples?|\.github|docs?|[^/]*tests?[-_][^/]*|e2e)\/|(?:^|\/)[^/]*test[^/]*$/i;
/** TLS anywhere in the deployment: a certificate, an HTTPS listener or redirect, automatic certificates. */
const DEPLOY_TLS =
  /\bssl_certificate\b|\blisten\s[^;\n]*\b(?:443|ssl)\b|\breturn\s+30[178]\s+https:|\bcertresolver\b|\bletsencrypt\b|\bcertbot\b|\bwebsecure\b|(?:^|\/)Caddyfile$/im;
const NGINX_IMAGE = /^\s*image\s*:\s*["']?(?:[\w.-]+\/)*nginx\b/m;
const PROXY_IMAGE = /^\s*image\s*:\s*["']?(?:[\w.-]+\/)*(?:nginx|traefik|caddy|haproxy|envoy)\b/m;
/** A published port whose host side is 80 (`- "80:80"`, `- 127.0.0.1:80:3000`); 443 anywhere is TLS. */
const HOST_PORT_80 = /^[ \t]*-[ \t]*["']?(?:[\d.]+:)?80:\d+(?:\/tcp)?["']?[ \t]*$/m;
/** A port published on every interface (a loopback bind waits for a proxy): a number or a `${VAR:-default}`. */
const HOST_PORT = /^[ \t]*-[ \t]*["']?(?:0\.0\.0\.0:)?(?:\d+|\$\{[^}\n]*\}):\d+(?:\/tcp)?["']?[ \t]*$/m;
const IMAGE = /^\s*image\s*:\s*["']?([\w./:@-]+)/gm;
const HOST_PORT_443 = /^[ \t]*-[ \t]*["']?(?:[\d.]+:)?443:\d+/m;
const LISTEN = /^[ \t]*listen[ \t]+[^;\n]+;/m;

/**
 * The project's own app published straight to browsers over plain HTTP, with no proxy image in front, nothing
 * mapping 443, and no TLS set up by the deployment or the code. Either a compose service built from the
 * repository (`build:`) maps host port 80 (dvws-node: `- "80:80"`, announced as http://dvws.local), or a
 * compose file runs the project's own published image (`image: acme/<project name>`, what its install
 * instructions run) on any host port (linkding: `- "${LD_HOST_PORT:-9090}:9090"`). A development compose file
 * that builds the app and maps port 3000 is neither. Browsers drop a Secure cookie on such a site unless it is
 * `localhost`.
 */
export function findPublishedHttpPort(
  deploy: readonly Source[],
  code: readonly Source[],
  projectNames: readonly string[] = [],
): PlainHttpFact[] {
  const shipped = deploy.filter((source) => !NOT_A_DEPLOYMENT.test(source.file));
  if (shipped.some((source) => DEPLOY_TLS.test(source.text) || DEPLOY_TLS.test(source.file))) return [];
  if (code.some((source) => TLS_ANYWHERE.test(source.text))) return [];
  for (const source of shipped) {
    if (!/(?:^|\/)(?:docker-)?compose[\w.-]*\.ya?ml$/i.test(source.file)) continue;
    if (PROXY_IMAGE.test(source.text) || HOST_PORT_443.test(source.text)) continue;
    const built = /^\s*build\s*:/m.test(source.text);
    const image = ownImage(source.text, projectNames);
    const port = (image ? HOST_PORT : built ? HOST_PORT_80 : null)?.exec(source.text);
    if (!port || source.inLineComment(port.index)) continue;
    const at = port.index + (port[0].length - port[0].trimStart().length);
    const fact = source.fact(
      at,
      image
        ? `\`${snippet(port[0].trim())}\` in ${source.file} publishes the project's own image \`${image}\` on plain HTTP with no proxy in front, and nothing in the project sets up TLS`
        : `\`${snippet(port[0].trim())}\` in ${source.file} publishes the app on HTTP's port 80 with no proxy in front, and nothing in the project sets up TLS`,
    );
    return [{ ...fact, kind: 'http-only-server', scope: { kind: 'project' } }];
  }
  return [];
}

/** The first published `image:` of a compose file whose repository is named after the project, or null. */
function ownImage(text: string, projectNames: readonly string[]): string | null {
  for (const match of text.matchAll(IMAGE)) {
    const image = match[1] ?? '';
    // A published image has a repository path (`acme/app`, `ghcr.io/acme/app`); `app:dev` is a local build.
    if (!image.includes('/')) continue;
    const name = image.split('/').pop()?.split(/[:@]/)[0]?.toLowerCase() ?? '';
    if (projectNames.includes(name)) return image;
  }
  return null;
}

/**
 * The project ships its own container setup (a compose file that runs nginx with the project's nginx
 * configuration) and that proxy listens on plain HTTP only: installs that follow the project's instructions
 * serve the app over HTTP, so a hard-coded Secure would end their logins.
 */
export function findHttpOnlyProxy(deploy: readonly Source[]): PlainHttpFact[] {
  const shipped = deploy.filter((source) => !NOT_A_DEPLOYMENT.test(source.file));
  // A commented-out `listen 443 ssl;` is the TLS the project does not have.
  const uncommented = (text: string) => text.replace(/(^|\s)#[^\n]*/g, '$1');
  if (shipped.some((source) => DEPLOY_TLS.test(uncommented(source.text)) || DEPLOY_TLS.test(source.file)))
    return [];
  const compose = shipped.find(
    (source) =>
      /(?:^|\/)(?:docker-)?compose[\w.-]*\.ya?ml$/i.test(source.file) && NGINX_IMAGE.test(source.text),
  );
  if (!compose) return [];
  for (const source of shipped) {
    if (!/\.conf$/i.test(source.file)) continue;
    const listen = LISTEN.exec(source.text);
    if (!listen || source.inLineComment(listen.index)) continue;
    const at = listen.index + (listen[0].length - listen[0].trimStart().length);
    const fact = source.fact(
      at,
      `\`${snippet(listen[0].trim())}\`: the nginx proxy the project runs in ${compose.file} serves plain HTTP, and no deployment file sets up TLS`,
    );
    return [{ ...fact, kind: 'http-only-proxy', scope: { kind: 'project' } }];
  }
  return [];
}
