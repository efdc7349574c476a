// The package as a user gets it: `npm pack` the checkout, then run the tarball with npx in an empty folder.
// npm runs offline with a fresh cache, so the test also proves that the installed package needs nothing from
// the registry (dist/cli.js is self-contained and the package has no runtime dependencies).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../cli/helpers.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const PACKAGE = JSON.parse(
  spawnSync('git', ['show', 'HEAD:package.json'], { cwd: ROOT, encoding: 'utf8' }).stdout || '{}',
) as { version?: string };

/** npm with nothing from the user's setup: a private cache and home, no registry, no notices. */
function npmEnvironment(home: string): NodeJS.ProcessEnv {
  return {
    PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`,
    HOME: home,
    npm_config_cache: join(home, 'npm-cache'),
    npm_config_userconfig: join(home, 'npmrc'),
    npm_config_offline: 'true',
    npm_config_update_notifier: 'false',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_loglevel: 'error',
  };
}

describe('the npm package', () => {
  it('installs from its tarball with npx, offline, and scans a folder', () => {
    const work = temporaryFolder();
    const home = join(work, 'home');
    const empty = join(work, 'empty');
    const app = join(work, 'app');
    mkdirSync(home);
    mkdirSync(empty);
    mkdirSync(app);
    writeFileSync(
      join(app, 'server.js'),
      [
        "const express = require('express')",
        'const app = express()',
        "app.get('/login', (req, res) => {",
        "  res.cookie('sid', 'abc')",
        '  res.end()',
        '})',
        '',
      ].join('\n'),
    );
    const env = npmEnvironment(home);

    const pack = spawnSync('npm', ['pack', '--pack-destination', empty, '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      env,
    });
    expect(pack.status, pack.stderr).toBe(0);
    const [packed] = JSON.parse(pack.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
    expect(packed!.filename).toBe(`cookie-hardener-${PACKAGE.version}.tgz`);
    expect(packed!.files.map((file) => file.path).sort()).toEqual([
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'dist/cli.js',
      'dist/tree-sitter-c_sharp.wasm',
      'dist/tree-sitter-ruby.wasm',
      'dist/web-tree-sitter.wasm',
      'package.json',
    ]);
    expect(readdirSync(empty)).toEqual([packed!.filename]);

    const run = spawnSync('npx', ['--yes', `./${packed!.filename}`, 'scan', app, '--format', 'json'], {
      cwd: empty,
      encoding: 'utf8',
      env,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as {
      version: number;
      findings: Array<Record<string, unknown>>;
    };
    expect(report.version).toBe(1);
    expect(
      report.findings.map((f) => [f.ruleId, f.file, f.line, f.column, f.cookie, f.problems, f.outcome]),
    ).toEqual([
      ['express-res-cookie', 'server.js', 4, 3, 'sid', ['httpOnly-missing', 'secure-missing'], 'fixable'],
    ]);
    // npx installs into its cache, not into the folder it runs in.
    expect(readdirSync(empty)).toEqual([packed!.filename]);
  });
});
