// The build writes the CLI executable, as git records it, so neither a build nor npm's bin linking (which
// makes the bin executable) leaves a mode change for the dist check to trip over.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../cli/helpers.js';

const ROOT = new URL('../../', import.meta.url).pathname;

describe('scripts/build.mjs', () => {
  it('writes dist/cli.js with mode 755 and a shebang, and the action bundle not executable', () => {
    const out = temporaryFolder();
    const build = spawnSync(process.execPath, ['scripts/build.mjs', out], { cwd: ROOT, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    expect(statSync(join(out, 'cli.js')).mode & 0o777).toBe(0o755);
    expect(statSync(join(out, 'index.js')).mode & 0o777).toBe(0o644);
    expect(readFileSync(join(out, 'cli.js'), 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  });
});
