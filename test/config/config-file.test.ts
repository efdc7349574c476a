import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfigFile } from '../../src/config-file.js';

const RULES = ['express-res-cookie', 'express-session', 'tornado-set-cookie'];

function errorOf(text: string): string {
  try {
    parseConfigFile('.github/cookie-hardener.yml', text, RULES);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfigFile', () => {
  it('reads every setting', () => {
    const config = parseConfigFile(
      'c.yml',
      [
        'paths: [src, "app/**/*.py"]',
        'exclude:',
        '  - src/legacy',
        'flags: [secure]',
        'rules:',
        '  express-session: report',
        '  tornado-set-cookie: off',
        'fix-tests: true',
        '',
      ].join('\n'),
      RULES,
    );
    expect(config).toEqual({
      paths: ['src', 'app/**/*.py'],
      exclude: ['src/legacy'],
      flags: ['secure'],
      sameSite: 'lax',
      rules: { 'express-session': 'report', 'tornado-set-cookie': 'off' },
      fixTests: true,
    });
  });

  it('turns SameSite on with a value', () => {
    const listed = parseConfigFile('c.yml', 'flags: [secure, httpOnly, sameSite]\n', RULES);
    expect([listed.flags, listed.sameSite]).toEqual([['httpOnly', 'secure', 'sameSite'], 'lax']);
    const strict = parseConfigFile(
      'c.yml',
      'flags:\n  httpOnly: true\n  secure: true\n  sameSite: Strict\n',
      RULES,
    );
    expect([strict.flags, strict.sameSite]).toEqual([['httpOnly', 'secure', 'sameSite'], 'strict']);
  });

  it('accepts the mapping form of flags and an empty file', () => {
    expect(parseConfigFile('c.yml', 'flags:\n  secure: true\n  httpOnly: false\n', RULES).flags).toEqual([
      'secure',
    ]);
    expect(parseConfigFile('c.yml', '# nothing yet\n', RULES).flags).toEqual(['httpOnly', 'secure']);
  });

  it('names the file, the line and the bad key', () => {
    expect(errorOf('paths: [src]\nfix_tests: yes\n')).toBe(
      '.github/cookie-hardener.yml:2: unknown setting `fix_tests` (did you mean `fix-tests`?); known: paths, exclude, flags, rules, fix-tests',
    );
    expect(errorOf('fix-tests: "yes"\n')).toBe(
      '.github/cookie-hardener.yml:1: `fix-tests` must be true or false',
    );
    expect(errorOf('flags: [httpOnly, samesyte]\n')).toBe(
      '.github/cookie-hardener.yml:1: unknown flag `samesyte`: use httpOnly, secure or sameSite',
    );
    expect(errorOf('flags:\n  secure: true\n  sameSite: sometimes\n')).toBe(
      '.github/cookie-hardener.yml:3: `sameSite` must be lax, strict, true or false (got "sometimes")',
    );
    expect(errorOf('rules:\n  express-sesion: off\n')).toBe(
      '.github/cookie-hardener.yml:2: unknown rule `express-sesion` (rules of that framework: express-res-cookie, express-session)',
    );
    expect(errorOf('rules:\n  express-session: disable\n')).toBe(
      '.github/cookie-hardener.yml:2: rule `express-session` must be set to off, report or fix',
    );
    expect(errorOf('paths: 3\n')).toBe(
      '.github/cookie-hardener.yml:1: `paths` must be a list of paths or globs',
    );
    expect(errorOf('- a\n- b\n')).toBe(
      '.github/cookie-hardener.yml:1: the file must be a mapping of settings (key: value)',
    );
    expect(errorOf('paths: [src\n')).toMatch(/^\.github\/cookie-hardener\.yml:\d+: not valid YAML: /);
    expect(errorOf('flags: []\n')).toBe(
      '.github/cookie-hardener.yml:1: `flags` must enforce at least one flag',
    );
  });
});
