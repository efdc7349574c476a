// What makes the package publishable and the CLI runnable from a clone, checked without building anything.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as Record<string, unknown>;

describe('package.json', () => {
  it('can be published: not private, a bin, the files it ships, the Node versions it runs on', () => {
    expect(pkg.private).toBeUndefined();
    expect(pkg.license).toBe('MIT');
    expect(pkg.bin).toEqual({ 'cookie-hardener': 'dist/cli.js' });
    expect(pkg.files).toEqual(['dist/cli.js', 'dist/*.wasm', 'CHANGELOG.md']);
    expect(pkg.engines).toEqual({ node: '>=20.19' });
  });

  it('has no runtime dependencies: dist/cli.js bundles everything it imports apart from Node itself', () => {
    expect(pkg.dependencies).toBeUndefined();
    const bundle = readFileSync(`${ROOT}dist/cli.js`, 'utf8');
    const imported = new Set(
      [
        ...bundle.matchAll(/^import [^;]*? from "([^"]+)";$/gm),
        ...bundle.matchAll(/\brequire\("([^"]+)"\)/g),
      ].map((match) => match[1]!),
    );
    for (const name of imported) expect(isBuiltin(name), name).toBe(true);
    // The one package left out on purpose: `verify --browser` imports puppeteer-core only when asked to, and
    // says to install it when it is missing.
    const loadedLater = new Set([...bundle.matchAll(/\bimport\("([^"]+)"\)/g)].map((match) => match[1]!));
    for (const name of loadedLater) expect(isBuiltin(name) || name === 'puppeteer-core', name).toBe(true);
  });

  it('records dist/cli.js as executable in git', () => {
    const staged = spawnSync('git', ['ls-files', '--stage', '--', 'dist/cli.js'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(staged.stdout.split(' ')[0]).toBe('100755');
  });
});
