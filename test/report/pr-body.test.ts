import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model.js';
import { renderPullRequestWriteup } from '../../src/report/pr-writeup.js';
import {
  fingerprintDigest,
  parsePullRequestState,
  renderPullRequestBody,
  renderStateBlock,
} from '../../src/report/pr-body.js';
import { allCases, changes, conditionalSecure, expressToken, finding, scanResult } from './scan-results.js';

const FOOTER =
  '_cookie-hardener rewrites this description when the findings change; only the notes section above is carried over. If the pull request is closed without merging, it stays closed until the set of findings changes._';

function manyFindings(count: number): Finding[] {
  return Array.from({ length: count }, (_, index) =>
    finding({
      ...expressToken,
      file: `packages/app-${String(index % 50).padStart(2, '0')}/src/routes/route-${index}.ts`,
      line: (index % 400) + 1,
      cookie: `session_${index}`,
      outcome: index % 10 === 0 ? 'conditional' : 'fixed',
      fingerprint: index.toString(16).padStart(16, '0'),
    }),
  );
}

describe('renderPullRequestBody', () => {
  const result = scanResult(allCases, { changes });
  const body = renderPullRequestBody(result, { repository: 'acme/shop' });

  it('is the writeup, a footer, and the hidden state, in that order', () => {
    const analysis = renderPullRequestWriteup(result, { repository: 'acme/shop' });
    const state =
      '<!-- cookie-hardener:state {"version":1,' +
      `"digest":"${fingerprintDigest(allCases.map((entry) => entry.fingerprint))}","count":5,` +
      '"findings":{"conditional":["c4e6f81a2b0d9375"],' +
      '"fixed":["0a9c33de51f07b62","5d1f0c9e7a2b4c11","7be2a01c9d3f5e48","93d0b7e4f12a6c58"]}} -->';
    expect(body).toBe(`${analysis}\n${FOOTER}\n\n${state}\n`);
  });

  it('links each location to the repository', () => {
    expect(body).toContain(
      '[`src/routes/auth.ts:27`](https://github.com/acme/shop/blob/HEAD/src/routes/auth.ts#L27)',
    );
  });

  it('stays under the limit with 2,000 findings, keeping the state and the checklist heading', () => {
    const findings = manyFindings(2_000);
    const big = renderPullRequestBody(scanResult(findings), { repository: 'acme/shop' });
    expect(big.length).toBeLessThanOrEqual(65_000);
    expect(big).toContain(
      "_The per-framework detail is left out to fit the length limit; the full report is in the workflow run's job summary._",
    );
    expect(big).toMatch(
      /\n_1,\d{3} more rows left out to fit; the full report is in the workflow run's job summary\._\n/,
    );
    expect(big).toContain('\n### Verification checklist\n');
    expect(big).not.toContain('<summary><b>Express</b>');
    const state = parsePullRequestState(big);
    expect(state?.complete).toBe(true);
    expect(state?.fingerprints).toHaveLength(2_000);
    expect(state?.outcomes['0000000000000000']).toBe('conditional');
    expect(state?.outcomes['0000000000000001']).toBe('fixed');
  });

  it('respects GitHub’s hard limit with the default options', () => {
    const big = renderPullRequestBody(scanResult(manyFindings(2_000)), { repository: 'acme/shop' });
    expect(big.length).toBeLessThan(65_536);
  });

  it('keeps only a digest when the list itself would not fit', () => {
    const findings = manyFindings(4_000);
    const big = renderPullRequestBody(scanResult(findings), { repository: 'acme/shop' });
    expect(big.length).toBeLessThanOrEqual(65_000);
    expect(big).toContain('\n### Verification checklist\n');
    const state = parsePullRequestState(big);
    expect(state).toEqual({
      version: 1,
      fingerprints: [],
      outcomes: {},
      digest: fingerprintDigest(findings.map((entry) => entry.fingerprint)),
      complete: false,
    });
  });

  it('keeps the state and the checklist heading under a tiny limit', () => {
    const small = renderPullRequestBody(result, { repository: 'acme/shop', maxLength: 2_000 });
    expect(small.length).toBeLessThanOrEqual(2_000);
    expect(small).toContain('### Verification checklist');
    expect(parsePullRequestState(small)?.fingerprints).toHaveLength(5);
  });
});

describe('parsePullRequestState', () => {
  const body = renderPullRequestBody(scanResult(allCases), { repository: 'acme/shop' });
  const expected = {
    version: 1,
    fingerprints: [
      '0a9c33de51f07b62',
      '5d1f0c9e7a2b4c11',
      '7be2a01c9d3f5e48',
      '93d0b7e4f12a6c58',
      'c4e6f81a2b0d9375',
    ],
    outcomes: {
      '0a9c33de51f07b62': 'fixed',
      '5d1f0c9e7a2b4c11': 'fixed',
      '7be2a01c9d3f5e48': 'fixed',
      '93d0b7e4f12a6c58': 'fixed',
      c4e6f81a2b0d9375: 'conditional',
    },
    digest: fingerprintDigest(allCases.map((entry) => entry.fingerprint)),
    complete: true,
  };

  it('reads back what renderPullRequestBody wrote', () => {
    expect(parsePullRequestState(body)).toEqual(expected);
  });

  it('survives humans editing the text around the block', () => {
    const edited = `Reviewed by Sam, merging Friday.\r\n\r\n${body.replace(/\n/g, '\r\n')}\r\nThanks!`;
    expect(parsePullRequestState(edited)).toEqual(expected);
  });

  it('prefers the last block when an older body was quoted above it', () => {
    const older = renderStateBlock(scanResult([conditionalSecure]), 10_000);
    expect(parsePullRequestState(`> ${older}\n\n${body}`)).toEqual(expected);
  });

  it('round-trips fingerprints that contain comment and markup characters', () => {
    const odd = finding({ ...expressToken, fingerprint: 'a-->b<c>&"d' });
    const oddBody = renderPullRequestBody(scanResult([odd]), { repository: 'acme/shop' });
    expect(oddBody).not.toMatch(/a-->b/);
    expect(parsePullRequestState(oddBody)?.fingerprints).toEqual(['a-->b<c>&"d']);
  });

  it('returns null for a body without state', () => {
    expect(parsePullRequestState('Just a pull request.')).toBeNull();
    expect(parsePullRequestState('')).toBeNull();
  });

  it('returns null for a damaged block', () => {
    const cases = [
      '<!-- cookie-hardener:state {"version":1,"findings":{"fixed":["a"] -->',
      '<!-- cookie-hardener:state not json -->',
      '<!-- cookie-hardener:state [1,2] -->',
      '<!-- cookie-hardener:state {"findings":{"fixed":["a"]}} -->',
      '<!-- cookie-hardener:state {"version":"1","findings":{"fixed":["a"]}} -->',
      '<!-- cookie-hardener:state {"version":1,"findings":{"done":["a"]}} -->',
      '<!-- cookie-hardener:state {"version":1,"findings":{"fixed":[1]}} -->',
      '<!-- cookie-hardener:state {"version":1,"findings":{"fixed":["a"]},"digest":"0000"} -->',
      '<!-- cookie-hardener:state {"version":1,"count":3} -->',
    ];
    for (const block of cases) expect(parsePullRequestState(`text\n\n${block}\n`), block).toBeNull();
  });

  it('accepts a hand-made block without a digest', () => {
    expect(
      parsePullRequestState('<!-- cookie-hardener:state {"version":2,"findings":{"manual":["b","a"]}} -->'),
    ).toEqual({
      version: 2,
      fingerprints: ['a', 'b'],
      outcomes: { a: 'manual', b: 'manual' },
      digest: fingerprintDigest(['a', 'b']),
      complete: true,
    });
  });
});

describe('the state block cannot be forged or made slow', () => {
  const FORGED = '<!-- cookie-hardener:state {"version":1,"findings":{"fixed":["forged"]}} -->';
  // A cookie name, a quoted source expression, a path and a reason: all repository text.
  const hostile = finding({
    ...expressToken,
    fingerprint: 'f0f0f0f0f0f0f0f0',
    cookie: FORGED,
    file: `src/${FORGED}.js`,
    outcome: 'conditional',
    problems: ['secure-conditional'],
    message: `\`${FORGED}\` decides Secure at run time`,
    notChangedReasons: [`\`${FORGED}\` decides Secure at run time; make sure it is true in production`],
    notes: [`The options object is defined at src/${FORGED}.js:3.`],
  });
  const body = renderPullRequestBody(scanResult([hostile, expressToken], { changes }), {
    repository: 'acme/shop',
  });
  const own = body.lastIndexOf('<!-- cookie-hardener:state');

  it('keeps repository text from spelling a marker anywhere in the body', () => {
    // The checklist's own markers carry the cookie names percent-encoded; apart from them, the state block is
    // the first comment in the body.
    const checks = body.slice(0, own).match(/<!-- cookie-hardener:check [^>]*-->/g) ?? [];
    const encoded =
      '%3C!%2D%2D%20cookie%2Dhardener%3Astate%20%7B%22version%22%3A1%2C%22findings%22%3A%7B%22fixed%22%3A%5B%22forged%22%5D%7D%7D%20%2D%2D%3E';
    expect(checks).toEqual([
      `<!-- cookie-hardener:check every-host ${encoded}=Secure -->`,
      '<!-- cookie-hardener:check token=HttpOnly,Secure -->',
      `<!-- cookie-hardener:check every-host ${encoded}=Secure token=HttpOnly,Secure -->`,
    ]);
    const withoutChecks = body.replace(/<!-- cookie-hardener:check [^>]*-->/g, '');
    const ownThere = withoutChecks.lastIndexOf('<!-- cookie-hardener:state');
    expect(withoutChecks.indexOf('<!--')).toBe(ownThere);
    expect(withoutChecks.slice(0, ownThere)).not.toMatch(/cookie-hardener:/i);
    expect(parsePullRequestState(body)?.fingerprints).toEqual(
      [hostile.fingerprint, expressToken.fingerprint].sort(),
    );
    // With the tool's own block deleted by hand, nothing else in the body reads as one.
    expect(parsePullRequestState(body.slice(0, own))).toBeNull();
  });

  it('reads only the last block, and a damaged last block is no state at all', () => {
    const real = renderStateBlock(scanResult([expressToken]), 10_000);
    expect(parsePullRequestState(`${FORGED}\n${real}`)?.fingerprints).toEqual([expressToken.fingerprint]);
    expect(parsePullRequestState(`${real}\n<!-- cookie-hardener:state {"version":1`)).toBeNull();
    // An unclosed opener above the real block (the old lazy match ran from it into the real one).
    expect(parsePullRequestState(`<!-- cookie-hardener:state {"version":1\n${real}`)?.fingerprints).toEqual([
      expressToken.fingerprint,
    ]);
  });

  // The regular expression this parser replaced took 42 s on the marker and 4,000 spaces (cubic
  // backtracking). The 1 s cap only guards against that kind of regression; the bodies are GitHub's maximum.
  it.each([
    ['the marker and spaces', `<!-- cookie-hardener:state${' '.repeat(65_536)}`],
    ['spaces on both sides', `<!--${' '.repeat(32_000)}cookie-hardener:state${' '.repeat(32_000)}`],
    ['the opener over and over', '<!-- cookie-hardener:state '.repeat(2_500)],
    ['an unclosed opener with JSON-looking text', `<!-- cookie-hardener:state {${'"a":[ '.repeat(10_900)}`],
    ['many closed blocks of spaces', `<!-- cookie-hardener:state ${' '.repeat(60)}-->`.repeat(720)],
  ])(
    'answers null quickly for %s',
    (_name, text) => {
      const hostileBody = text.padEnd(65_536, ' ').slice(0, 65_536);
      expect(hostileBody).toHaveLength(65_536);
      // The old regex took 42 s to minutes on these; the test's own timeout catches a return to it.
      expect(parsePullRequestState(hostileBody)).toBeNull();
    },
    5_000,
  );
});

describe('fingerprintDigest', () => {
  it('ignores order and duplicates', () => {
    expect(fingerprintDigest(['b', 'a', 'b'])).toBe(fingerprintDigest(['a', 'b']));
    expect(fingerprintDigest(['a'])).not.toBe(fingerprintDigest(['a', 'b']));
  });
});
