import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileGlobs, expandBraces } from '../../src/discover/glob.js';
import { discoverFiles } from '../../src/discover/list-files.js';
import { temporaryFolder } from '../cli/helpers.js';

const PATHS = [
  'src',
  'src/a.js',
  'src/b/c.js',
  'srcx/a.js',
  'a.js',
  'a/b.js',
  'a/x/b.js',
  'a/x/y/b.js',
  '.github/x.yml',
  'p/.hidden/q.js',
  'test/fixtures/a.js',
  'q/test',
];

describe('compileGlobs', () => {
  it.each([
    ['src{,/**}', ['src', 'src/a.js', 'src/b/c.js']],
    ['src/**', ['src', 'src/a.js', 'src/b/c.js']],
    ['*.js', ['a.js']],
    [
      '**/*.js',
      [
        'src/a.js',
        'src/b/c.js',
        'srcx/a.js',
        'a.js',
        'a/b.js',
        'a/x/b.js',
        'a/x/y/b.js',
        'p/.hidden/q.js',
        'test/fixtures/a.js',
      ],
    ],
    ['a/**/b.js', ['a/b.js', 'a/x/b.js', 'a/x/y/b.js']],
    ['a/*/b.js', ['a/x/b.js']],
    ['**/.hidden/**', ['p/.hidden/q.js']],
    ['.github/**', ['.github/x.yml']],
    ['**/test', ['q/test']],
    ['src/[ab].js', ['src/a.js']],
    ['src/[!a].js', []],
    ['?.js', ['a.js']],
    ['{a,src}/*.js', ['src/a.js', 'a/b.js']],
    ['**', PATHS],
  ])('%s', (pattern, expected) => {
    const matches = compileGlobs([pattern]);
    expect(PATHS.filter((path) => matches(path))).toEqual(expected);
  });

  it('negates a pattern with a leading !, and escapes with a backslash', () => {
    expect(PATHS.filter(compileGlobs(['!**/*.js']))).toEqual(['src', '.github/x.yml', 'q/test']);
    expect(compileGlobs(['x\\*y'])('x*y')).toBe(true);
    expect(compileGlobs(['x\\*y'])('xzy')).toBe(false);
  });

  it('expands nested braces and keeps a brace without a comma literal', () => {
    expect(expandBraces('{a,b{c,d}}/e')).toEqual(['a/e', 'bc/e', 'bd/e']);
    expect(expandBraces('src{,/**}')).toEqual(['src', 'src/**']);
    expect(expandBraces('{a}')).toEqual(['{a}']);
  });

  it('refuses a pattern whose braces expand past a thousand alternatives', () => {
    expect(() => compileGlobs(['{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}'])).toThrow(
      'expands to more than 1024 alternatives',
    );
  });

  it('matches a backtracking-hostile pattern against a long name in linear time', () => {
    const matches = compileGlobs(['*a*a*a*a*a*a*b']);
    // A backtracking matcher takes minutes here; the test's timeout catches it.
    expect(matches(`${'a'.repeat(100_000)}.js`)).toBe(false);
    expect(matches(`${'a'.repeat(100_000)}b`)).toBe(true);
  }, 10_000);
});

describe('discoverFiles with a hostile exclude pattern', () => {
  it('lists a folder whose file names are long under `*a*a*a*a*a*a*b` quickly (the old matcher took 19 s per name)', () => {
    const folder = temporaryFolder();
    mkdirSync(join(folder, 'src'));
    const long = `${'a'.repeat(100)}.js`;
    writeFileSync(join(folder, long), "res.cookie('sid', token);\n");
    writeFileSync(join(folder, 'src', 'aab.js'), "res.cookie('sid', token);\n");
    const discovery = discoverFiles(folder, { paths: [], exclude: ['*a*a*a*a*a*a*b', 'src/aab.js'] });
    expect(discovery.files).toEqual([long]);
  }, 10_000);
});
