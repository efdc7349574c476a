// The proxy setting a finding tells people to add must be their framework's: Express (and cookie-session,
// which runs in it) trusts a proxy with `app.set('trust proxy', 1)`; `app.proxy = true` is Koa's.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { scanFiles } from '../../src/scan.js';

function reasonsFor(file: string, text: string): string[] {
  const result = scanFiles({
    files: [file],
    read: () => ({ text }),
    config: DEFAULT_CONFIG,
  });
  return result.findings.flatMap((finding) => finding.notChangedReasons);
}

describe('proxy trust advice', () => {
  it("tells a cookie-session app with `secure: false` to trust the proxy Express's way", () => {
    const reasons = reasonsFor(
      'server.js',
      "const cookieSession = require('cookie-session');\napp.use(cookieSession({ name: 'session', keys: ['k1'], secure: false }));\n",
    );
    expect(reasons).toEqual([
      "writing `secure: true` here throws on requests the app sees as plain HTTP; remove `secure: false` to get the automatic Secure, and trust the TLS-terminating proxy (`app.set('trust proxy', 1)`)",
    ]);
  });

  it('tells a koa-session app to set `app.proxy = true`', () => {
    const reasons = reasonsFor(
      'server.js',
      "const session = require('koa-session');\napp.use(session({ key: 'sid', secure: false }, app));\n",
    );
    expect(reasons.join('\n')).toContain('`app.proxy = true`');
    expect(reasons.join('\n')).not.toContain('trust proxy');
  });
});
