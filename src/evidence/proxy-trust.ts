// Proxy trust: settings that make the server believe X-Forwarded-Proto from a TLS-terminating proxy. Without
// them a Secure cookie (or Secure "auto") is never sent, or express-session refuses to set it.
import { snippet, type Source } from './source.js';
import type { EvidenceFact, ProxyTrustFact } from './types.js';

interface Pattern {
  framework: string | ((source: Source) => string);
  /** A word the setting always contains: other files are not searched (a fast substring test). */
  needle: string;
  regex: RegExp;
  /** The setting as the fact quotes it; the whole match by default. */
  setting?: (match: RegExpExecArray) => string;
  /** From the match: whether the setting turns trust on. */
  enabled: (match: RegExpExecArray) => boolean;
  languages: ReadonlyArray<Source['kind']>;
}

/** Sails' config modules (`config/http.js`, `config/env/production.js`), where `http.trustProxy` lives. */
const SAILS_CONFIG = /(^|\/)config\/(http|local|env\/[^/]+)\.[cm]?js$/;

const OFF = /^\s*(?:false|False|0|None|null|undefined|\[\s*\]|['"]{2})\s*$/;

const PATTERNS: Pattern[] = [
  {
    framework: 'express',
    needle: 'trust proxy',
    regex: /(?<![\w$])(?:[A-Za-z_$][\w$]*)?\.set\(\s*['"]trust proxy['"]\s*,\s*([^)\n]*)\)/g,
    enabled: (match) => !OFF.test(match[1] ?? ''),
    languages: ['javascript'],
  },
  {
    framework: 'express',
    needle: 'trust proxy',
    regex: /(?<![\w$])(?:[A-Za-z_$][\w$]*)?\.(enable|disable)\(\s*['"]trust proxy['"]\s*\)/g,
    enabled: (match) => match[1] === 'enable',
    languages: ['javascript'],
  },
  {
    framework: 'koa',
    needle: '.proxy',
    regex: /(?<![\w$])(?:app|server|koa)\.proxy\s*=\s*(true|false)\b/g,
    enabled: (match) => match[1] === 'true',
    languages: ['javascript'],
  },
  {
    framework: 'koa',
    needle: 'Koa(',
    regex: /\bnew\s+Koa\(\s*\{[^}]*\bproxy\s*:\s*(true|false)\b/g,
    setting: (match) => `new Koa({ proxy: ${match[1]} })`,
    enabled: (match) => match[1] === 'true',
    languages: ['javascript'],
  },
  {
    // express-session's own `proxy` option (trusts X-Forwarded-Proto for its Secure cookie only).
    framework: 'express-session',
    needle: 'proxy',
    regex: /\bsession\(\s*\{[^;]{0,600}?\bproxy\s*:\s*(true|false)\b/g,
    setting: (match) => `session({ proxy: ${match[1]} })`,
    enabled: (match) => match[1] === 'true',
    languages: ['javascript'],
  },
  {
    // Sails spells its setting the same way, under `http` in its config folder.
    framework: (source) => (SAILS_CONFIG.test(source.file) ? 'sails' : 'fastify'),
    needle: 'trustProxy',
    regex: /\btrustProxy\s*:\s*([^,}\n]+)/g,
    enabled: (match) => !OFF.test(match[1] ?? ''),
    languages: ['javascript'],
  },
  {
    framework: 'werkzeug',
    needle: 'ProxyFix(',
    regex: /\bProxyFix\([^)\n]*\)?/g,
    enabled: () => true,
    languages: ['python'],
  },
  {
    framework: 'django',
    needle: 'SECURE_PROXY_SSL_HEADER',
    regex: /^[ \t]*SECURE_PROXY_SSL_HEADER[ \t]*=[ \t]*([^\n]+)/gm,
    enabled: (match) => !OFF.test(match[1] ?? ''),
    languages: ['python'],
  },
  {
    framework: 'uvicorn',
    needle: 'roxy',
    regex:
      /\bproxy_headers\s*=\s*(True|False)\b|--proxy-headers\b|--no-proxy-headers\b|\bProxyHeadersMiddleware\b/g,
    enabled: (match) => match[1] !== 'False' && !match[0].startsWith('--no-'),
    languages: ['python', 'deploy'],
  },
  {
    framework: (source) =>
      /gunicorn/i.test(source.file) || /\bgunicorn\b/.test(source.text) ? 'gunicorn' : 'uvicorn',
    needle: 'orwarded',
    regex: /\bforwarded_allow_ips\s*=\s*([^\n,)]+)|--forwarded-allow-ips[= ]+([^\s"',]+)/g,
    enabled: (match) => !OFF.test(match[1] ?? match[2] ?? ''),
    languages: ['python', 'deploy'],
  },
  {
    framework: 'tornado',
    needle: 'xheaders',
    regex: /\bxheaders\s*=\s*(True|False)\b/g,
    enabled: (match) => match[1] === 'True',
    languages: ['python'],
  },
];

export function findProxyTrust(source: Source): ProxyTrustFact[] {
  const facts: ProxyTrustFact[] = [];
  for (const pattern of PATTERNS) {
    if (!pattern.languages.includes(source.kind) || !source.text.includes(pattern.needle)) continue;
    pattern.regex.lastIndex = 0;
    for (let match = pattern.regex.exec(source.text); match; match = pattern.regex.exec(source.text)) {
      if (source.inLineComment(match.index)) continue;
      const framework = typeof pattern.framework === 'string' ? pattern.framework : pattern.framework(source);
      const setting = snippet(pattern.setting ? pattern.setting(match) : match[0]);
      const enabled = pattern.enabled(match);
      const sentence = enabled
        ? `\`${setting}\` makes ${framework} trust the proxy's forwarded scheme`
        : `\`${setting}\` turns ${framework}'s proxy trust off`;
      facts.push({ ...source.fact(match.index, sentence), framework, setting, enabled });
    }
  }
  return facts;
}

const PROXY_SERVERS = /\b(nginx|traefik|caddy|haproxy|envoy)\b/i;

/** Hints that the app runs behind a proxy: a proxy server in deployment files, X-Forwarded-Proto handling. */
export function findProxyHints(source: Source): EvidenceFact[] {
  const hints: EvidenceFact[] = [];
  if (source.kind === 'deploy') {
    const server = PROXY_SERVERS.exec(source.text);
    if (server && !source.inLineComment(server.index)) {
      hints.push(
        source.fact(server.index, `${source.file} runs ${server[1]!.toLowerCase()} in front of the app`),
      );
    }
  }
  const forwarded = /x[-_]forwarded[-_]proto/i.exec(source.text);
  if (forwarded && !(source.kind === 'deploy' && hints.length > 0)) {
    hints.push(
      source.fact(forwarded.index, `\`${forwarded[0]}\` is handled here: the app expects a proxy in front`),
    );
  }
  return hints;
}
