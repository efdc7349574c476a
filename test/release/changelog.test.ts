// CHANGELOG.md and the script that turns one of its sections into a GitHub release's notes.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../cli/helpers.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const SCRIPT = join(ROOT, 'scripts/changelog-section.mjs');

function section(version: string, file?: string) {
  const args = [SCRIPT, version, ...(file ? [file] : [])];
  return spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
}

describe('CHANGELOG.md', () => {
  it("has an Unreleased section and one for package.json's version", () => {
    const text = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8');
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const headings = text.split('\n').filter((line) => line.startsWith('## '));
    expect(headings.slice(0, 2)).toEqual(['## [Unreleased]', `## [${version}]`]);
    expect(section(version).status).toBe(0);
  });
});

describe('scripts/changelog-section.mjs', () => {
  const file = join(temporaryFolder(), 'CHANGELOG.md');
  writeFileSync(
    file,
    [
      '# Changelog',
      '',
      '## [Unreleased]',
      '',
      '## [1.1.0] - 2027-02-03',
      '',
      '### Fixed',
      '',
      '- A thing.',
      '',
      '## [1.0.0]',
      '',
      'First.',
      '',
      '[1.1.0]: https://example.com/1.1.0',
      '[1.0.0]: https://example.com/1.0.0',
      '',
    ].join('\n'),
  );

  it('prints the section under the version heading, with or without a date', () => {
    expect(section('1.1.0', file)).toMatchObject({
      status: 0,
      stdout: '### Fixed\n\n- A thing.\n',
      stderr: '',
    });
    expect(section('1.0.0', file)).toMatchObject({ status: 0, stdout: 'First.\n', stderr: '' });
  });

  it('fails on a version with no section, or an empty one', () => {
    expect(section('2.0.0', file)).toMatchObject({
      status: 1,
      stdout: '',
      stderr: `${file} has no section for 2.0.0 (a heading "## [2.0.0]")\n`,
    });
    expect(section('Unreleased', file)).toMatchObject({
      status: 1,
      stdout: '',
      stderr: `the Unreleased section of ${file} is empty\n`,
    });
  });
});
