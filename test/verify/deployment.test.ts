import { describe, expect, it } from 'vitest';
import { deploymentUrl, readDeploymentStatus } from '../../src/verify/deployment.js';

const SHA = 'ABCDEF0123456789abcdef0123456789abcdef01';

describe('the deployment_status payload', () => {
  it("reads the state, the commit, the environment and both URLs (Vercel's shape)", () => {
    expect(
      readDeploymentStatus({
        deployment_status: {
          state: 'success',
          environment: 'Preview',
          environment_url: 'https://shop-git-fix.vercel.app',
          target_url: 'https://vercel.com/acme/shop/1',
        },
        deployment: { sha: SHA, environment: 'Preview – shop' },
      }),
    ).toEqual({
      state: 'success',
      sha: SHA.toLowerCase(),
      environment: 'Preview',
      environmentUrl: 'https://shop-git-fix.vercel.app',
      targetUrl: 'https://vercel.com/acme/shop/1',
      logUrl: null,
    });
  });

  it('is none for other payloads', () => {
    expect(readDeploymentStatus({})).toBeNull();
    expect(
      readDeploymentStatus({ deployment_status: { state: 'success' }, deployment: { sha: 'main' } }),
    ).toBeNull();
    expect(readDeploymentStatus({ deployment_status: { state: 7 }, deployment: { sha: SHA } })).toBeNull();
  });

  const event = (environmentUrl: string | null, targetUrl: string | null, logUrl: string | null = null) => ({
    state: 'success',
    sha: SHA,
    environment: null,
    environmentUrl,
    targetUrl,
    logUrl,
  });

  it('verifies environment_url, else target_url, else the input, saying why one is passed over', () => {
    expect(deploymentUrl(event('https://a.example', 'https://b.example'), 'https://c.example')).toEqual({
      chosen: { url: 'https://a.example', from: 'environment_url' },
      skipped: [],
    });
    expect(deploymentUrl(event(null, 'https://b.example'), 'https://c.example').chosen?.from).toBe(
      'target_url',
    );
    expect(
      deploymentUrl(event('https://user:secret@a.example', 'ssh://b.example'), 'https://c.example'),
    ).toEqual({
      chosen: { url: 'https://c.example', from: 'verify-url' },
      skipped: [
        'environment_url is not used: it carries credentials, which would be shown in the log and the pull request (give them as a header of a `verify-scenario` step instead)',
        'target_url is not used: only http:// and https:// URLs can be verified',
      ],
    });
    expect(deploymentUrl(event(null, null), null)).toEqual({ chosen: null, skipped: [] });
  });

  it("passes over a target_url that is the deployment's log", () => {
    const logs = 'https://github.com/acme/shop/actions/runs/1';
    expect(deploymentUrl(event(null, logs, logs), 'https://c.example')).toEqual({
      chosen: { url: 'https://c.example', from: 'verify-url' },
      skipped: ["target_url is not used: it is the deployment's log_url (GitHub copies one into the other)"],
    });
  });
});
