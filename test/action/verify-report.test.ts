import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/action/inputs.js';
import { deploymentCheckHeading, scenarioPath } from '../../src/action/verify-report.js';

describe('the scenario verify runs in the action', () => {
  const workspace = mkdtempSync(join(tmpdir(), 'cookie-hardener-scenario-'));

  it('is none without the input and without the default file, and the default file once it exists', () => {
    expect(scenarioPath(null, workspace)).toBeNull();
    mkdirSync(join(workspace, '.github'), { recursive: true });
    writeFileSync(join(workspace, '.github/cookie-hardener-verify.yml'), 'steps: []\n');
    expect(scenarioPath(null, workspace)).toBe(join(workspace, '.github/cookie-hardener-verify.yml'));
  });

  it('reads the input relative to the workspace, and refuses a file outside it or missing', () => {
    writeFileSync(join(workspace, 'verify.yml'), 'steps: []\n');
    expect(scenarioPath('verify.yml', workspace)).toBe(join(workspace, 'verify.yml'));
    expect(() => scenarioPath('../elsewhere.yml', workspace)).toThrow(
      new InputError(
        'input `verify-scenario` must name a file inside the workspace (got "../elsewhere.yml")',
      ),
    );
    expect(() => scenarioPath('/etc/passwd', workspace)).toThrow(InputError);
    expect(() => scenarioPath('missing.yml', workspace)).toThrow(
      new InputError('input `verify-scenario`: missing.yml does not exist in the workspace'),
    );
  });
});

describe('the heading of a deployment check', () => {
  it('shows the URL without its query, fragment or credentials, in a code span', () => {
    expect(
      deploymentCheckHeading('https://u:pw@app-git-x.vercel.app/a?x-vercel-protection-bypass=S3CR3T#top'),
    ).toBe('# Deployment check of `https://app-git-x.vercel.app/a`');
    expect(deploymentCheckHeading('https://example.com/*_[x]_`a`')).toBe(
      '# Deployment check of `https://example.com/*_[x]_%60a%60`',
    );
    expect(deploymentCheckHeading('no `url` <!-- here?token=S3CR3T')).toBe(
      '# Deployment check of <code>no \\`url\\` &lt;!-- here</code>',
    );
  });
});
