// Listing inside a git work tree: what git knows is on the disk, without a stat of every file.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverFiles } from '../../src/discover/list-files.js';

function repository(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'cookie-hardener-git-listing-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  execFileSync('git', ['init', '-q'], { cwd: root });
  execFileSync('git', ['add', '-A'], { cwd: root });
  return root;
}

describe('listing with git', () => {
  it('leaves out tracked files deleted from the disk or outside a sparse checkout', () => {
    const root = repository({
      'app.js': '',
      'gone.js': '',
      'sparse/skipped.py': '',
      'kept.py': '',
      Dockerfile: '',
      'removed/Dockerfile': '',
    });
    rmSync(join(root, 'gone.js'));
    rmSync(join(root, 'removed/Dockerfile'));
    execFileSync('git', ['update-index', '--skip-worktree', 'sparse/skipped.py'], { cwd: root });
    rmSync(join(root, 'sparse/skipped.py'));
    const discovery = discoverFiles(root, { paths: [], exclude: [] });
    expect(discovery.source).toBe('git');
    expect(discovery.files).toEqual(['app.js', 'kept.py']);
    expect(discovery.evidenceFiles).toEqual(['Dockerfile']);
    expect(discovery.skipped).toEqual([]);
  });

  it('lists untracked files unless git ignores them, and a file modified since it was added', () => {
    const root = repository({ '.gitignore': 'build/\n', 'tracked.js': '' });
    writeFileSync(join(root, 'tracked.js'), 'changed');
    writeFileSync(join(root, 'new.ts'), '');
    mkdirSync(join(root, 'build'));
    writeFileSync(join(root, 'build/out.js'), '');
    const discovery = discoverFiles(root, { paths: [], exclude: [] });
    expect(discovery.source).toBe('git');
    expect(discovery.files).toEqual(['new.ts', 'tracked.js']);
  });

  it('keeps the names that mark vendored and collected folders, though they are neither sources nor evidence', () => {
    const root = repository({
      'app.py': '',
      'libs/Flask_Cors-5.0.0.dist-info/METADATA': '',
      'libs/flask_cors/core.py': '',
      'deploy/static/staticfiles.json': '{}',
      'deploy/static/js/app.js': "document.cookie = 'a=1';\n",
      'notes.md': '',
    });
    const discovery = discoverFiles(root, { paths: [], exclude: [] });
    expect(discovery.files).toEqual(['app.py']);
    expect(discovery.excluded).toEqual([{ folder: 'libs/', files: 1 }]);
    expect(discovery.skipped.map(({ file }) => file)).toEqual(['deploy/static/js/app.js']);
  });

  it('walks a folder that is not in a work tree', () => {
    const root = repository({ 'app.js': '' });
    rmSync(join(root, '.git'), { recursive: true });
    expect(discoverFiles(root, { paths: [], exclude: [] })).toMatchObject({
      source: 'walk',
      files: ['app.js'],
    });
  });
});
