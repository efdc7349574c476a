// Sails cannot use express-session's `secure: 'auto'`, so the fix writes `secure: true` in the production
// config; behind a proxy Sails does not trust, that would end every login, and the finding says what to add.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { scanFiles } from '../../src/scan.js';

const SESSION = "module.exports.session = {\n  secret: 'b1f0e4c1d2a3',\n};\n";
const PRODUCTION = (http: string) =>
  `module.exports = {\n  session: {\n    cookie: { maxAge: 86400000 },\n  },\n${http}};\n`;
const COMPOSE = 'services:\n  web:\n    image: nginx:1.27\n  app:\n    build: .\n';

function scan(production: string) {
  const texts = new Map([
    ['config/session.js', SESSION],
    ['config/env/production.js', production],
    ['docker-compose.yml', COMPOSE],
  ]);
  return scanFiles({
    files: ['config/env/production.js', 'config/session.js'],
    evidenceFiles: ['docker-compose.yml'],
    read: (file) => ({ text: texts.get(file)! }),
    config: DEFAULT_CONFIG,
  });
}

describe('Sails session cookie behind a proxy', () => {
  it('adds Secure and asks for http.trustProxy when the app looks proxied and trusts no proxy', () => {
    const result = scan(PRODUCTION(''));
    const finding = result.findings.find((f) => f.ruleId === 'sails-session-config');
    expect(finding?.outcome).toBe('fixable');
    expect(finding?.beforeMerging).toEqual([
      'The app looks like it runs behind a proxy (docker-compose.yml runs nginx in front of the app (docker-compose.yml:3)) but does not trust it: add `http: { trustProxy: true }` (in config/env/production.js) so the framework sees HTTPS requests as secure.',
    ]);
    expect(result.changes.find((c) => c.file === 'config/env/production.js')?.after).toBe(
      PRODUCTION('').replace('{ maxAge: 86400000 }', '{ maxAge: 86400000, secure: true }'),
    );
  });

  it('asks for nothing more once production trusts the proxy', () => {
    const production = PRODUCTION('  http: { trustProxy: true },\n');
    const finding = scan(production).findings.find((f) => f.ruleId === 'sails-session-config');
    expect(finding?.outcome).toBe('fixable');
    expect(finding?.beforeMerging).toEqual([]);
  });
});
