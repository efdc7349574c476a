// The action's `fail-on` with a baseline in the repository: recorded findings are reported but not counted,
// a new one fails the job, and a broken baseline fails it with the file and line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeGitHub } from '../fake-github/api.js';
import { startFakeGitHub } from '../fake-github/server.js';
import { runCliProcess } from '../cli/helpers.js';
import { EXPRESS_ROUTE } from './fixtures.js';
import { makeWorkspace, runAction, writeFiles } from './harness.js';

let fake: FakeGitHub | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

const REPORT = { mode: 'report', 'fail-on': 'weak', 'sarif-file': 'cookies.sarif' };

describe('fail-on with a baseline', () => {
  it('passes on what the baseline holds, fails on a new finding, and marks both in the SARIF file', async () => {
    const files = { 'app/routes.js': EXPRESS_ROUTE };
    fake = await startFakeGitHub({ files });
    const workspace = makeWorkspace(files);
    expect(runCliProcess(['baseline'], workspace).status).toBe(0);

    const recorded = await runAction(fake, { workspace, event: 'pull_request', inputs: REPORT });
    expect(recorded.code).toBe(0);
    expect(recorded.stdout).toContain('Baseline .github/cookie-hardener-baseline.json: 1 finding recorded.');
    expect(recorded.stdout).not.toContain('::error::');
    expect(recorded.outputs).toMatchObject({ findings: '1' });

    writeFiles(workspace, {
      'app/routes.js': `// moved down by a comment\n${EXPRESS_ROUTE}`,
      'app/more.js': "res.cookie('sid', id);\n",
    });
    const fresh = await runAction(fake, { workspace, event: 'pull_request', inputs: REPORT });
    expect(fresh.code).toBe(1);
    expect(fresh.stdout).toContain(
      '::error::1 cookie finding leaves a cookie weak (1 more in the baseline) (fail-on: weak).',
    );
    const sarif = JSON.parse(readFileSync(join(workspace, 'cookies.sarif'), 'utf8')) as {
      runs: Array<{ results: Array<{ baselineState: string; locations: unknown }> }>;
    };
    expect(
      sarif.runs[0]!.results.map((result) => [
        (result.locations as Array<{ physicalLocation: { artifactLocation: { uri: string } } }>)[0]!
          .physicalLocation.artifactLocation.uri,
        result.baselineState,
      ]),
    ).toEqual([
      ['app/more.js', 'new'],
      ['app/routes.js', 'unchanged'],
    ]);
  }, 60_000);

  it('fails with the file and line of a broken baseline, and asks to rewrite a version 1 one', async () => {
    const cases: Array<[string, string]> = [
      [
        '{\n  "version": 2,\n  "findings": [1]\n}\n',
        '.github/cookie-hardener-baseline.json:3: a finding must be an object with key and problems',
      ],
      [
        '{\n  "version": 1,\n  "fingerprints": ["0123456789abcdef"]\n}\n',
        '.github/cookie-hardener-baseline.json:2: this baseline is version 1, an older format this cookie-hardener no longer reads: run `cookie-hardener baseline` again to rewrite it',
      ],
    ];
    for (const [baseline, message] of cases) {
      const files = { 'app/routes.js': EXPRESS_ROUTE, '.github/cookie-hardener-baseline.json': baseline };
      fake = await startFakeGitHub({ files });
      const workspace = makeWorkspace(files);
      const run = await runAction(fake, { workspace, event: 'pull_request', inputs: REPORT });
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(`::error::${message}`);
      await fake.close();
      fake = null;
    }
  }, 60_000);
});
