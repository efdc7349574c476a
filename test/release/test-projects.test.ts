// `npm run test:unit` is the fast loop and `npm test` the whole suite: the split lives in vitest.config.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import config from '../../vitest.config.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const { scripts } = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as {
  scripts: Record<string, string>;
};

interface Project {
  test: { name: string; include: string[]; exclude?: string[] };
}
const projects = (config.test as { projects: Project[] }).projects;

describe('test projects', () => {
  it('npm run test:unit runs the unit project, npm test every project after the build', () => {
    expect(scripts['test:unit']).toBe('vitest run --project unit');
    expect(scripts.test).toBe('npm run lint && npm run typecheck && npm run build && vitest run');
  });

  it('keeps the end-to-end, corpus, bundle and packaging tests out of the unit project only', () => {
    const [unit, integration] = projects;
    expect(unit!.test.name).toBe('unit');
    expect(unit!.test.include).toEqual(['test/**/*.test.ts']);
    expect(unit!.test.exclude).toEqual(integration!.test.include);
    expect(integration!.test.include).toEqual(
      expect.arrayContaining([
        'test/e2e/**/*.test.ts',
        'test/corpus/**/*.test.ts',
        'test/projects/**/*.test.ts',
        'test/cli/cli.test.ts',
        'test/package/**/*.test.ts',
      ]),
    );
  });
});
