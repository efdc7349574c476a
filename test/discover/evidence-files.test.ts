// Discovery lists templates, manifests and deployment files for the evidence index, apart from the sources.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverFiles } from '../../src/discover/list-files.js';
import { evidenceFileKind } from '../../src/evidence/files.js';

describe('evidence files', () => {
  it.each([
    ['templates/base.html', 'template'],
    ['app/templates/login.jinja2', 'template'],
    ['web/src/App.vue', 'template'],
    ['web/src/routes/+page.svelte', 'template'],
    ['views/index.ejs', 'template'],
    ['package.json', 'manifest'],
    ['requirements-dev.txt', 'manifest'],
    ['pyproject.toml', 'manifest'],
    ['setup.py', 'manifest'],
    ['Dockerfile', 'deploy'],
    ['deploy/Dockerfile.web', 'deploy'],
    ['docker-compose.prod.yml', 'deploy'],
    ['compose.yaml', 'deploy'],
    ['Procfile', 'deploy'],
    ['nginx/site.conf', 'deploy'],
    ['README.md', null],
    ['src/app.js', null],
    ['package-lock.json', null],
    ['config.yml', null],
  ])('%s is %s', (file, kind) => expect(evidenceFileKind(file)).toBe(kind));

  it('are listed apart from the sources, outside `paths` too, never from dependencies or excluded folders', () => {
    const root = mkdtempSync(join(tmpdir(), 'cookie-hardener-evidence-'));
    const files = [
      'src/app.js',
      'setup.py',
      'package.json',
      'templates/base.html',
      'web/App.vue',
      'docker-compose.yml',
      'node_modules/lib/package.json',
      'node_modules/lib/index.html',
      'fixtures/page.html',
      'README.md',
    ];
    for (const file of files) {
      mkdirSync(join(root, dirname(file)), { recursive: true });
      writeFileSync(join(root, file), '');
    }
    const discovery = discoverFiles(root, { paths: ['src', 'setup.py'], exclude: ['fixtures'] });
    expect(discovery.files).toEqual(['setup.py', 'src/app.js']);
    expect(discovery.evidenceFiles).toEqual([
      'docker-compose.yml',
      'package.json',
      'setup.py',
      'templates/base.html',
      'web/App.vue',
    ]);
  });
});
