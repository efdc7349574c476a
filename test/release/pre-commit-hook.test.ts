// The pre-commit hook runs the package's own bin on the files the scanner reads.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { languageOf } from '../../src/languages/index.js';

const ROOT = new URL('../../', import.meta.url).pathname;

describe('.pre-commit-hooks.yaml', () => {
  const [hook, ...others] = parse(readFileSync(`${ROOT}.pre-commit-hooks.yaml`, 'utf8')) as Array<
    Record<string, unknown>
  >;
  const files = new RegExp(hook!.files as string);

  it('defines one node hook that scans the repository with the bin package.json names', () => {
    expect(others).toEqual([]);
    const { bin } = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as {
      bin: Record<string, string>;
    };
    expect(hook).toMatchObject({
      id: 'cookie-hardener',
      entry: `${Object.keys(bin)[0]} scan`,
      args: ['.'],
      language: 'node',
      pass_filenames: false,
    });
  });

  it('runs for exactly the files the scanner parses', () => {
    const names = ['a.js', 'a.cjs', 'a.mjs', 'a.jsx', 'a.ts', 'a.cts', 'a.mts', 'a.tsx', 'a.py'];
    for (const name of names) {
      expect(languageOf(name), name).not.toBeNull();
      expect(files.test(name), name).toBe(true);
    }
    for (const name of ['a.json', 'a.html', 'a.pyc', 'a.d', 'a.css', 'README.md', 'a.jsonc']) {
      expect(files.test(name), name).toBe(languageOf(name) !== null);
    }
  });
});
