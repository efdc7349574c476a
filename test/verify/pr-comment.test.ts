import { describe, expect, it } from 'vitest';
import {
  findVerifyComment,
  renderVerifyComment,
  VERIFY_COMMENT_MARKER,
} from '../../src/verify/pr-comment.js';
import type { VerifyReport } from '../../src/verify/types.js';

const BOT = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };
const IDENTITY = { login: BOT.login, id: BOT.id };

const REPORT: VerifyReport = {
  version: 1,
  cookies: [],
  transport: [],
  unexplained: [],
  steps: [],
  unfollowedRedirects: [],
  expectations: { source: 'project', path: '/work', sites: 0 },
  scenario: null,
  browser: null,
  problemCount: 0,
};

describe('the verify comment', () => {
  it("is found by its marker among the token's own comments only", () => {
    const forged = { id: 1, body: `${VERIFY_COMMENT_MARKER} pasted`, author: { login: 'mallory', id: 7 } };
    const own = { id: 2, body: `${VERIFY_COMMENT_MARKER}\nours`, author: BOT };
    const other = { id: 3, body: 'cookie-hardener: fixed', author: BOT };
    expect(findVerifyComment([forged, other, own], IDENTITY)).toBe(own);
    expect(findVerifyComment([forged, other], IDENTITY)).toBeNull();
  });

  it('says when the description has no item verify can judge, and shows hostile text as text', () => {
    const body = renderVerifyComment({
      stamp: { sha: 'abcdef0123456789abcdef0123456789abcdef01', environment: '@admin <!-- x -->' },
      url: 'https://staging.example.com/',
      items: [],
      report: REPORT,
    });
    expect(body.split('\n').slice(0, 4)).toEqual([
      VERIFY_COMMENT_MARKER,
      '### cookie-hardener verify',
      '',
      "The deployment of `abcdef0` to <code>@&#8203;admin &lt;!-- x --&gt;</code>, checked at `https://staging.example.com/`: The description's checklist has no item verify can judge (items get their marker when the next sweep rewrites the description). The items that passed are ticked in the description; a box a person ticked or unticked is left as they set it.",
    ]);
    expect(body.match(/<!--/g)).toHaveLength(1);
  });

  it('shows the deployment URL without its query or fragment', () => {
    const body = renderVerifyComment({
      stamp: { sha: 'abcdef0123456789abcdef0123456789abcdef01', environment: null },
      url: 'https://app.example.com/?x-vercel-protection-bypass=S3CR3T#f',
      items: [],
      report: REPORT,
    });
    expect(body.split('\n')[3]).toMatch(
      /^The deployment of `abcdef0`, checked at `https:\/\/app\.example\.com\/`: /,
    );
    expect(body).not.toContain('S3CR3T');
  });
});
