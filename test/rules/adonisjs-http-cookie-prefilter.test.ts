// A v5 `config/app.ts` without `cookie` may not say "cookie" anywhere, yet every cookie of the app then goes
// out without HttpOnly or Secure: the prefilter must let it through on its `ServerConfig` type.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { scanFiles } from '../../src/scan.js';

describe('adonisjs-http-cookie prefilter', () => {
  it('reads a v5 http config that names no cookie', () => {
    const text =
      "import { ServerConfig } from '@ioc:Adonis/Core/Server'\n\nexport const http: ServerConfig = {\n  etag: false,\n}\n";
    const result = scanFiles({ files: ['config/app.ts'], read: () => ({ text }), config: DEFAULT_CONFIG });
    expect(result.findings.map((f) => [f.ruleId, f.problems, f.outcome])).toEqual([
      ['adonisjs-http-cookie', ['httpOnly-missing', 'secure-missing'], 'fixable'],
    ]);
    expect(result.changes.map((change) => change.after)).toEqual([
      text.replace('etag: false,\n', 'etag: false,\n  cookie: { httpOnly: true, secure: true },\n'),
    ]);
  });
});
