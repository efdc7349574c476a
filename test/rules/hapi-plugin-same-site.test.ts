// hapi's statehood sends SameSite=Strict when `isSameSite` is missing: with SameSite enforced, the plugin and
// cookie-module rules must not write `isSameSite: 'Lax'`, which would weaken the default.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type Config } from '../../src/config.js';
import { scanFiles } from '../../src/scan.js';

const WITH_SAME_SITE: Config = { ...DEFAULT_CONFIG, flags: ['httpOnly', 'secure', 'sameSite'] };

describe('SameSite on hapi plugin options', () => {
  it('flips isSecure in a yar registration and adds no isSameSite', () => {
    const text =
      "module.exports = {\n  plugin: require('@hapi/yar'),\n  options: { cookieOptions: { password: p, isSecure: false } },\n};\n";
    const result = scanFiles({
      files: ['session.js'],
      read: () => ({ text }),
      config: WITH_SAME_SITE,
    });
    expect(result.findings.map((f) => [f.ruleId, f.problems, f.outcome])).toEqual([
      ['hapi-plugin-options', ['secure-false'], 'fixable'],
    ]);
    expect(result.changes.map((change) => change.after)).toEqual([
      text.replace('isSecure: false', 'isSecure: true'),
    ]);
  });
});
