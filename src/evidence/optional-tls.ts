// Optional TLS: HTTPS the project can serve itself but only when configured (a switch that defaults off,
// `--certfile` options, `ssl_options` set only when a certificate is given). Typical of self-hosted apps and
// developer tools: a Secure cookie there must follow the request's scheme, never be hard-coded.
import { snippet, type Source } from './source.js';
import type { OptionalTlsFact, OptionalTlsKind } from './types.js';

interface Pattern {
  kind: OptionalTlsKind;
  /** Files that do not match this quick test are not searched. */
  needle: RegExp;
  regex: RegExp;
  languages: ReadonlyArray<Source['kind']>;
  describe: (code: string) => string;
}

const PATTERNS: Pattern[] = [
  {
    kind: 'switch-default-off',
    needle: /https|ssl|tls/i,
    // `enable_https = False`, `USE_SSL = False`, `HTTPS_ENABLED = False`; also a settings read defaulting to 0.
    regex:
      /^[ \t]*(?:[\w.]*\.)?(?:(?:enable|use)_?(?:https|ssl|tls)|(?:https|ssl|tls)_?(?:enabled|mode|on))[ \t]*(?::[^=\n]+)?=[ \t]*(?:False|0|None)\b|['"](?:enable|use)_?(?:https|ssl|tls)['"][ \t]*,[ \t]*(?:False|0|None)\b/gim,
    languages: ['python'],
    describe: (code) => `\`${code}\`: HTTPS is off unless the user turns it on`,
  },
  {
    kind: 'switch-default-off',
    needle: /Https|Ssl|Tls|HTTPS|SSL|TLS/,
    regex: /(?<![\w$])(?:enable|use)(?:Https|Ssl|Tls|HTTPS|SSL|TLS)[ \t]*[:=][ \t]*false\b/g,
    languages: ['javascript'],
    describe: (code) => `\`${code}\`: HTTPS is off unless the user turns it on`,
  },
  {
    kind: 'cli-option',
    needle: /--(?:cert|key|ssl|tls|https)/,
    regex:
      /['"]--(?:cert|certfile|cert-file|keyfile|key-file|ssl-cert|ssl-key|ssl-certfile|ssl-keyfile|tls-cert|tls-key|https)['"]/g,
    languages: ['python', 'javascript'],
    describe: (code) => `the command-line option ${code.replace(/['"]/g, '`')} serves HTTPS only when given`,
  },
  {
    kind: 'cli-option',
    needle: /define\(/,
    // Tornado options: `define("certfile", default=None, …)`.
    regex: /\bdefine\(\s*['"](?:certfile|keyfile|ssl_certfile|ssl_keyfile|cert|key_file|cert_file)['"]/g,
    languages: ['python'],
    describe: (code) => `\`${code}…)\` defines a certificate option: HTTPS only when it is set`,
  },
  {
    kind: 'setting',
    needle: /certfile|keyfile|cert_file|key_file|https_cert|https_key/i,
    regex:
      /^[ \t]*(?:[\w.]*\.)?\w*(?:certfile|keyfile|cert_file|key_file|https_cert|https_key)\w*[ \t]*=[ \t]*(?:None|['"]{2})/gim,
    languages: ['python'],
    describe: (code) => `\`${code}\`: no certificate unless one is configured`,
  },
  {
    kind: 'setting',
    // The deployment's own address read from the environment, defaulting to plain HTTP
    // (`SITE_ROOT = os.getenv("SITE_ROOT", "http://localhost:8000")`): HTTPS is whatever each install configures.
    needle: /['"]http:\/\//,
    regex:
      /\b(?:getenv|environ\.get|env(?:\.str|\.list)?|\w*from_env|__get_\w+)\(\s*['"]\w*(?:URL|ROOT|HOSTS?|ORIGINS?)['"]\s*,\s*(?:default\s*=\s*)?\[?\s*['"]http:\/\/[^'"]*['"]/g,
    languages: ['python'],
    describe: (code) => `\`${code}\`: the address each install serves defaults to plain HTTP`,
  },
  {
    kind: 'conditional-server',
    needle: /ssl_options|ssl_context|ssl_args|SSLContext|load_cert_chain|create_default_context|certfile\s*=/,
    // Tornado / asyncio TLS set up inside an `if` (only when a certificate is configured). An indented line is
    // one blank then anything: `[ \t]+[^\n]*` would split the indent every possible way, and nested in the
    // repeated lines that backtracking took seconds on a 30 KB module (asyncio/sslproto.py).
    regex:
      /^[ \t]*if\b[^\n]*\b(?:certfile|keyfile|cert|ssl|https|tls)[^\n]*:[ \t]*\r?\n(?:[ \t][^\n]*\r?\n){0,3}?[ \t][^\n]*\b(?:ssl_options|ssl_context|ssl_args|SSLContext|load_cert_chain|create_default_context|certfile[ \t]*=)/gim,
    languages: ['python'],
    describe: (code) => `\`${code}\`: TLS is set up only when configured`,
  },
  {
    kind: 'conditional-server',
    needle: /https\.createServer/,
    regex:
      /^[ \t]*(?:if\s*\([^\n]*\)[^\n]*|[^\n]*\?[^\n]*)\bhttps\.createServer\(|^[ \t]*if\s*\([^\n]*(?:cert|key|ssl|https|tls)[^\n]*\)\s*\{?[ \t]*\r?\n[ \t]+[^\n]*\bhttps\.createServer\(/gim,
    languages: ['javascript'],
    describe: (code) => `\`${code}\`: HTTPS is served only when configured`,
  },
  {
    kind: 'conditional-server',
    needle: /\.UseHttps\s*\(/,
    // Kestrel given an HTTPS endpoint only when a certificate is configured (`if (certPath != null) { …
    // listen.UseHttps(certPath, password) … }`), a few lines below the `if`.
    regex:
      /^[ \t]*if\s*\([^\n]*(?:cert|https|ssl|tls|pfx)[^\n]*\)[^\n]*\r?\n(?:[^\n]*\r?\n){0,4}?[^\n]*\.UseHttps\s*\(/gim,
    languages: ['csharp'],
    describe: (code) => `\`${code}\`: Kestrel serves HTTPS only when configured`,
  },
];

export function findOptionalTls(source: Source): OptionalTlsFact[] {
  const facts: OptionalTlsFact[] = [];
  if (source.kind === 'javascript') facts.push(...eitherServer(source));
  if (source.kind === 'go') facts.push(...eitherGoServer(source));
  if (source.kind === 'ruby') facts.push(...railsSslByInstall(source));
  for (const pattern of PATTERNS) {
    if (!pattern.languages.includes(source.kind) || !pattern.needle.test(source.text)) continue;
    pattern.regex.lastIndex = 0;
    for (let match = pattern.regex.exec(source.text); match; match = pattern.regex.exec(source.text)) {
      const at = match.index + (match[0].length - match[0].trimStart().length);
      if (source.inLineComment(at)) continue;
      const firstLine = match[0].trimStart().split('\n')[0]!;
      facts.push({ ...source.fact(at, pattern.describe(snippet(firstLine))), kind: pattern.kind });
    }
  }
  return facts;
}

/**
 * A module that creates an HTTPS server in one place and a plain HTTP one in another (`if (settings.ssl) {…
 * https.createServer(…) } else { http.createServer(…) }`) serves HTTPS only when configured, however far apart the
 * two calls are.
 */
function eitherServer(source: Source): OptionalTlsFact[] {
  const secure = /\bhttps\.createServer\(|\bhttp2\.createSecureServer\(/g;
  const plain = /(?<![\w$])http\.(?:createServer|Server)\(/;
  if (!plain.test(source.text)) return [];
  for (let match = secure.exec(source.text); match; match = secure.exec(source.text)) {
    if (source.inLineComment(match.index)) continue;
    const fact = source.fact(
      match.index,
      `\`${snippet(match[0])}\` beside a plain \`http\` server: HTTPS is served only when configured`,
    );
    return [{ ...fact, kind: 'conditional-server' }];
  }
  return [];
}

/**
 * Go code that starts a TLS listener in one place and a plain one in another (`if cfg.CertFile != "" {
 * srv.ListenAndServeTLS(cert, key) } else { srv.ListenAndServe() }`, or a web framework's `RunTLS` beside `Run`):
 * each install serves HTTPS only when it is given a certificate.
 */
function eitherGoServer(source: Source): OptionalTlsFact[] {
  // net/http, gin (`RunTLS` / `Run`), echo (`StartTLS` / `Start`) and fiber (`ListenTLS` / `Listen`).
  const secure = /\b(?:ListenAndServeTLS|ServeTLS|RunTLS|StartTLS|ListenTLS)\(/g;
  const plain = /\bListenAndServe\(|\.(?:Serve|Run|Start|Listen)\(/;
  if (!plain.test(source.text)) return [];
  for (let match = secure.exec(source.text); match; match = secure.exec(source.text)) {
    if (source.inLineComment(match.index)) continue;
    const fact = source.fact(
      match.index,
      `\`${snippet(match[0])}\` beside a plain-HTTP listener: HTTPS is served only when configured`,
    );
    return [{ ...fact, kind: 'conditional-server' }];
  }
  return [];
}

const RAILS_PRODUCTION = /(?:^|\/)config\/environments\/production\.rb$/;
const FORCE_SSL_SET =
  /^[ \t]*(?:config|Rails\.application\.config)\.force_ssl[ \t]*=[ \t]*([^#\n]*?)[ \t]*(?:#.*)?$/m;
const FORCE_SSL_COMMENTED =
  /^[ \t]*#[ \t]*(?:config|Rails\.application\.config)\.force_ssl[ \t]*=[ \t]*true\b/m;

/**
 * Rails production settings that leave HTTPS to each install: `config.force_ssl` read from the environment,
 * set to false, or left commented out as the generator wrote it. Rails then does not require HTTPS, and it
 * skips a Secure cookie on every request it sees as plain HTTP, so a hard-coded `secure: true` stops the
 * session on such an install. (`config.force_ssl = true` is the opposite: see forced-secure.ts.)
 */
function railsSslByInstall(source: Source): OptionalTlsFact[] {
  if (!RAILS_PRODUCTION.test(source.file)) return [];
  const set = FORCE_SSL_SET.exec(source.text);
  if (set) {
    const value = set[1]!;
    if (value === 'true') return [];
    const at = set.index + set[0].length - set[0].trimStart().length;
    const fact =
      value === 'false'
        ? '`config.force_ssl = false` in the production settings: Rails does not require HTTPS'
        : `\`config.force_ssl = ${snippet(value)}\`: each install decides whether Rails requires HTTPS`;
    return [{ ...source.fact(at, fact), kind: 'switch-default-off' }];
  }
  const commented = FORCE_SSL_COMMENTED.exec(source.text);
  if (!commented) return [];
  const at = commented.index + commented[0].length - commented[0].trimStart().length;
  return [
    {
      ...source.fact(
        at,
        '`config.force_ssl` is commented out in the production settings: Rails does not require HTTPS, and skips a Secure cookie on requests it sees as plain HTTP',
      ),
      kind: 'switch-default-off',
    },
  ];
}
