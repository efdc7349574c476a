// `npm run test:unit` is the fast loop and `npm test` the whole suite: the split lives in vitest.config.ts.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import config, { INTEGRATION, MOCKING_MODULES } from '../../vitest.config.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const { scripts } = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as {
  scripts: Record<string, string>;
};

interface Project {
  test: { name: string; include: string[]; exclude?: string[]; isolate?: boolean };
}
const projects = (config.test as { projects: Project[] }).projects.map((project) => project.test);

function testFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const full = join(folder, entry);
    if (statSync(full).isDirectory()) return testFiles(full);
    return entry.endsWith('.test.ts') ? [relative(ROOT, full)] : [];
  });
}

describe('test projects', () => {
  it('npm run test:unit runs the unit projects, npm test every project after the build', () => {
    expect(scripts['test:unit']).toBe('vitest run --project unit --project unit-isolated');
    expect(scripts.test).toBe('npm run lint && npm run typecheck && npm run build && vitest run');
    expect(projects.map((project) => project.name)).toEqual(['unit', 'unit-isolated', 'integration']);
  });

  it('keeps the end-to-end, corpus, bundle and packaging tests out of the fast loop', () => {
    const [unit, isolated, integration] = projects;
    expect(unit).toMatchObject({
      include: ['test/**/*.test.ts'],
      exclude: [...INTEGRATION, ...MOCKING_MODULES],
    });
    expect(isolated!.include).toEqual(MOCKING_MODULES);
    expect(integration!.include).toEqual(INTEGRATION);
    expect(INTEGRATION).toEqual(
      expect.arrayContaining([
        'test/e2e/**/*.test.ts',
        'test/corpus/**/*.test.ts',
        'test/projects/**/*.test.ts',
        'test/cli/cli.test.ts',
        'test/package/**/*.test.ts',
      ]),
    );
  });

  it('runs every file that replaces a module outside the unit project, whose files share modules', () => {
    expect(projects[0]!.isolate).toBe(false);
    const mocking = testFiles(join(ROOT, 'test')).filter((file) =>
      /\bvi\.(mock|doMock|resetModules)\(/.test(readFileSync(join(ROOT, file), 'utf8')),
    );
    const outside = (file: string) =>
      MOCKING_MODULES.includes(file) ||
      INTEGRATION.some((glob) => file === glob || file.startsWith(glob.replace(/\*\*\/\*\.test\.ts$/, '')));
    expect(mocking.filter((file) => !outside(file))).toEqual([]);
  });
});
