// File extension → language, in one place.
import type { Language } from '../model.js';

const EXTENSIONS: Record<string, Language> = {
  '.js': 'javascript',
  '.cjs': 'javascript',
  '.mjs': 'javascript',
  '.jsx': 'javascript',
  '.ts': 'javascript',
  '.cts': 'javascript',
  '.mts': 'javascript',
  '.tsx': 'javascript',
  // Only the frontmatter is read (languages/astro.ts).
  '.astro': 'javascript',
  '.py': 'python',
  '.go': 'go',
  '.php': 'php',
  '.java': 'java',
  '.cs': 'csharp',
  '.rb': 'ruby',
  // Rack's `config.ru`, where `use Rack::Session::Cookie, …` is usually written.
  '.ru': 'ruby',
};

export function languageOf(file: string): Language | null {
  const dot = file.lastIndexOf('.');
  // Blade views (`.blade.php`) are templates Laravel compiles, not PHP a parser can read.
  if (dot === -1 || file.endsWith('.d.ts') || file.endsWith('.blade.php')) return null;
  return EXTENSIONS[file.slice(dot).toLowerCase()] ?? null;
}

/**
 * Files that never mention a cookie API are not parsed: this test is far cheaper than a parse. `words` are the
 * strings one of which every file using a rule's API contains (the rules' `mentions`, see
 * `rules/prefilter.ts`). Plain substring searches run natively on the raw bytes, so unrelated files are never
 * even decoded. Options modules imported by a matching file are loaded on demand, whatever they mention.
 *
 * Case-sensitive alternations of plain words: V8 scans for one several times faster than for the words one
 * by one, and a short one faster than a long one. The session APIs share "ession", so the words that hold it
 * are only tried on the few files that say it. Bytes are read as Latin-1, which keeps every ASCII word intact.
 */
export function cookieApiFilter(words: readonly string[]): (content: string | Buffer) => boolean {
  const unique = [...new Set(words)];
  const isSession = (word: string) => word.includes('ession') || word.includes('ESSION');
  const cookieWords = unique.filter((word) => !isSession(word));
  const sessionWords = unique.filter(isSession);
  const quickMention = new RegExp([...cookieWords, 'ession', 'ESSION'].map(escapeRegExp).join('|'));
  const cookieOnly = alternation(cookieWords);
  const sessionMention = alternation(sessionWords);
  return (content) => {
    const text = typeof content === 'string' ? content : content.toString('latin1');
    const quick = quickMention.exec(text);
    if (!quick) return false;
    if (quick[0] !== 'ession' && quick[0] !== 'ESSION') return true;
    // The first hit was a session word: a cookie word may still come later, or one of the session APIs.
    return cookieOnly.test(text) || sessionMention.test(text);
  };
}

/** Matches any of `words`; nothing at all when there are none. */
function alternation(words: readonly string[]): RegExp {
  return words.length === 0 ? /(?!)/ : new RegExp(words.map(escapeRegExp).join('|'));
}

function escapeRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Words of the server settings the evidence index looks for (proxy trust, TLS options, HTTP servers) in
 * files that may say nothing about cookies. Only files whose path looks like an entry point or a settings
 * module are tested for them (see `mayConfigureServer`), so the sweep over other files costs nothing more.
 */
const SERVER_SETTING_NEEDLES = [
  'trust proxy',
  'trustProxy',
  '.proxy',
  'ProxyFix',
  'PROXY_SSL_HEADER',
  'SSL_REDIRECT',
  'proxy_headers',
  'ProxyHeaders',
  'forwarded_allow_ips',
  'xheaders',
  'createServer',
  'createSecureServer',
  'ListenAndServe',
  '.listen(',
  '.run(',
  'HTTPServer',
  'ssl_options',
  'ssl_mode',
  'make_server',
  'serve_forever',
  'ssl_args',
  'ssl_context',
  'certfile',
  'keyfile',
  '_https',
  '_HTTPS',
  'Https',
  'HTTPS_',
  '--cert',
  'orwarded-Proto',
  'orwarded-proto',
  'ORWARDED_PROTO',
  'CSRF_USE_SESSIONS',
  'CSRF_TRUSTED_ORIGINS',
  // Rails' config/environments/production.rb: every cookie Secure.
  'force_ssl',
];
const SERVER_SETTING_MENTION = new RegExp(SERVER_SETTING_NEEDLES.map(escapeRegExp).join('|'));

/** A server setting the evidence index reads (tested after `mentionsCookieApi` said no). */
export function mentionsServerSetting(content: string | Buffer): boolean {
  return SERVER_SETTING_MENTION.test(typeof content === 'string' ? content : content.toString('latin1'));
}

const SERVER_FILE_STEMS = new Set([
  'app',
  'application',
  'server',
  'index',
  'main',
  'settings',
  'config',
  'configuration',
  'conf',
  'production',
  'prod',
  'base',
  'wsgi',
  'asgi',
  '__main__',
  'command',
  'commands',
  'cli',
  'run',
  'start',
  'serve',
  'options',
  'www',
  'http',
  'https',
  'webserver',
  'web',
  // Where self-hosted apps start their server: etherpad's hooks/express.ts, wiki.js's master.js,
  // changedetection.io's package __init__.py.
  'express',
  'master',
  'servers',
  '__init__',
  // ASP.NET Core's entry points, where Kestrel is configured.
  'program',
  'startup',
]);

/** Entry points and settings modules by name: where proxy trust and TLS options usually live. */
export function mayConfigureServer(file: string): boolean {
  const slash = file.lastIndexOf('/');
  const name = file.slice(slash + 1);
  const dot = name.indexOf('.');
  const stem = (dot === -1 ? name : name.slice(0, dot)).toLowerCase();
  if (SERVER_FILE_STEMS.has(stem) || stem.startsWith('gunicorn') || stem.startsWith('uvicorn')) return true;
  return /(?:^|\/)(?:settings|config|conf|bin)\//.test(file);
}

export function isTestFile(file: string): boolean {
  return (
    /(^|\/)(test|tests|__tests__|spec|specs|__mocks__)\//.test(file) ||
    /\.(test|spec)\.[cm]?[jt]sx?$/.test(file) ||
    /(^|\/)(test_[^/]*|[^/]*_test|conftest)\.py$/.test(file) ||
    /_test\.go$/.test(file) ||
    /Test\.php$/.test(file) ||
    // Maven and Gradle keep tests under src/test/, which the folder pattern above already covers.
    /Tests?\.java$/.test(file) ||
    // .NET keeps tests in their own projects (`App.Tests/`, `App.UnitTests/`), files named `*Tests.cs`.
    /(^|\/)[^/]*\.(?:Unit|Integration|Functional)?Tests?\//.test(file) ||
    /Tests?\.cs$/.test(file) ||
    // RSpec and Minitest; both keep most tests under spec/ or test/, which the folder pattern covers.
    /_(?:spec|test)\.rb$/.test(file)
  );
}
