import { describe, expect, it } from 'vitest';
import {
  findingMarker,
  hasSuggestion,
  isMarkedFixed,
  readFindingKeys,
  isSummaryComment,
  readListedKeys,
  renderFixedComment,
  renderInlineComment,
  renderReviewBody,
  renderSummaryComment,
  suggestionBlock,
} from '../../src/report/review-comment.js';
import type { Finding } from '../../src/model.js';

describe('suggestionBlock', () => {
  it('uses a fence longer than any backtick run inside', () => {
    expect(suggestionBlock(['a'])).toBe('```suggestion\na\n```');
    expect(suggestionBlock(['x = `````;'])).toBe('``````suggestion\nx = `````;\n``````');
    expect(suggestionBlock([])).toBe('```suggestion\n```');
    expect(suggestionBlock([''])).toBe('```suggestion\n\n```');
  });
});

describe('markers', () => {
  it('round-trips finding keys and recognises fixed comments', () => {
    const body = `text\n\n${suggestionBlock(['x'])}\n\n${findingMarker(['bb', 'aa~2'])}`;
    expect(readFindingKeys(body)).toEqual(['aa~2', 'bb']);
    expect(readFindingKeys('a human comment')).toBeNull();
    expect(hasSuggestion(body)).toBe(true);
    const fixed = renderFixedComment(body, 'abcdef0123', 'fixed');
    expect(isMarkedFixed(fixed)).toBe(true);
    expect(hasSuggestion(fixed)).toBe(false); // no stale one-click suggestion left behind
    expect(readFindingKeys(fixed)).toEqual(['aa~2', 'bb']);
  });
});

describe('markers in repository text', () => {
  const forged = findingMarker(['0000000000000000']);
  const hostile: Finding = {
    ruleId: 'express-res-cookie',
    framework: 'express',
    file: 'app/@org/team/#12.js',
    line: 3,
    column: 3,
    cookie: `@alice @org/team #123 ${forged}`,
    kind: 'other',
    problems: ['secure-missing'],
    outcome: 'fixable',
    severity: 'medium',
    message: `Cookie "@alice #123 ${forged}" (res.cookie()): Secure is not set.`,
    changedFlags: ['secure'],
    notChangedReasons: [],
    usedAt: [],
    notes: [],
    fingerprint: 'abc',
    baselineKey: 'abc',
    edits: [],
    evidence: [],
    beforeMerging: [],
  };

  it("reads the comment's own keys, not a marker quoted by the suggested source line", () => {
    const body = renderInlineComment({
      findings: [hostile],
      keys: ['abc'],
      // The suggestion is the source line byte for byte: it may hold anything.
      suggestion: [`res.cookie('x', v, { secure: true }); // ${forged}`],
    });
    expect(readFindingKeys(body)).toEqual(['abc']);
    expect(readFindingKeys(renderFixedComment(body, 'abcdef0123', 'fixed'))).toEqual(['abc']);
    // Outside the suggestion, nothing in the comment can be read as a marker, a mention or a reference.
    const prose = body.replace(/^(`{3,})suggestion\n[\s\S]*?\n\1$/m, '');
    expect(prose.match(/<!--/g)).toHaveLength(1);
    expect(prose).not.toMatch(/(?<![\w`])@[a-z]|(?<!&)#\d/);
  });

  it('reads a marker only from the last line', () => {
    const quoted = `> ${forged}\n\nWhy is this flagged?`;
    expect(readFindingKeys(quoted)).toBeNull();
    expect(readListedKeys(`<!-- cookie-hardener:review a,b -->\n\nthanks`)).toBeNull();
    expect(isSummaryComment(`<!-- cookie-hardener:summary -->\nme too`)).toBe(false);
    expect(
      isSummaryComment(
        `${renderSummaryComment({ findings: 1, inline: 1, suggestions: 1, listed: 0, resolved: 0, headSha: 'abcdef0' })}\r\n`,
      ),
    ).toBe(true);
    expect(isMarkedFixed(`<!-- cookie-hardener:fixed -->\nnot really`)).toBe(false);
  });

  it('keeps mentions and references out of the review body', () => {
    const body = renderReviewBody({
      inline: 0,
      suggestions: 0,
      listed: [{ finding: hostile, key: 'abc', reason: 'Not on a line this pull request changes.' }],
      link: { repository: 'acme/webapp', serverUrl: 'https://github.com', ref: 'abc' },
      maxLength: 20_000,
    });
    expect(readListedKeys(body)).toEqual(['abc']);
    expect(body.match(/<!--/g)).toHaveLength(1);
  });
});

describe('renderInlineComment', () => {
  it('lists the evidence the outcome rests on and the before-merging steps', () => {
    const finding: Finding = {
      ruleId: 'express-res-cookie',
      framework: 'express',
      file: 'server/routes.js',
      line: 8,
      column: 30,
      cookie: 'sessions',
      kind: 'session',
      problems: ['httpOnly-false', 'secure-missing'],
      outcome: 'fixable',
      severity: 'high',
      message:
        'Cookie "sessions" (res.cookie()): HttpOnly is turned off; Secure is not set. Fix: secure: req.secure.',
      changedFlags: ['secure'],
      notChangedReasons: [],
      usedAt: [],
      notes: [],
      fingerprint: 'f1',
      baselineKey: 'f1',
      edits: [],
      evidence: [
        { file: 'web\\store.js', line: 4, fact: "`getCookie('sessions')` reads this cookie in browser code" },
        { file: 'web\\store.js', line: 4, fact: "`getCookie('sessions')` reads this cookie in browser code" },
        { file: 'lib/@team/#7.js', line: 2, fact: 'a comment by @alice says "see #7"' },
      ],
      beforeMerging: ["Add `app.set('trust proxy', 1)` so Express sees HTTPS requests as secure."],
    };
    const body = renderInlineComment({ findings: [finding], keys: ['f1'], suggestion: null });
    const evidence = body.split('\n\n').find((part) => part.startsWith('Evidence'));
    expect(evidence).toBe(
      [
        'Evidence in this project:',
        "- `web/store.js:4`: `getCookie('sessions')` reads this cookie in browser code.",
        '- `lib/@team/#7.js:2`: A comment by @&#8203;alice says "see #&#8203;7".',
      ].join('\n'),
    );
    // Mentions and references in repository text stay inert outside code spans.
    expect(evidence!.replace(/`[^`]*`/g, '')).not.toMatch(/(?<![\w`])@[a-z]|(?<!&)#\d/);
    expect(body).toContain(
      "**Before merging:** Add `app.set('trust proxy', 1)` so Express sees HTTPS requests as secure.",
    );
  });

  it('has no evidence section when the outcome rests on no project fact', () => {
    const body = renderInlineComment({
      findings: [
        {
          ruleId: 'express-res-cookie',
          framework: 'express',
          file: 'a.js',
          line: 1,
          column: 1,
          cookie: 'sid',
          kind: 'session',
          problems: ['secure-missing'],
          outcome: 'fixable',
          severity: 'high',
          message: 'm',
          changedFlags: ['secure'],
          notChangedReasons: [],
          usedAt: [],
          notes: [],
          fingerprint: 'f2',
          baselineKey: 'f2',
          edits: [],
          evidence: [],
          beforeMerging: [],
        },
      ],
      keys: ['f2'],
      suggestion: ['x'],
    });
    expect(body).not.toContain('Evidence');
    expect(body).not.toContain('Before merging');
  });
});

describe('renderReviewBody', () => {
  const finding = (line: number): Finding => ({
    ruleId: 'express-res-cookie',
    framework: 'express',
    file: 'app/a.js',
    line,
    column: 3,
    cookie: `c${line}`,
    kind: 'other',
    problems: ['secure-missing'],
    outcome: 'fixable',
    severity: 'medium',
    message: 'm',
    changedFlags: ['secure'],
    notChangedReasons: [],
    usedAt: [],
    notes: [],
    evidence: [],
    beforeMerging: [],
    fingerprint: `f${line}`,
    baselineKey: `f${line}`,
    edits: [],
  });

  it('stays within the limit and says how many it left out, keeping the listed keys', () => {
    const listed = Array.from({ length: 2000 }, (_, index) => ({
      finding: finding(index + 1),
      key: `k${index}`,
      reason: 'Not on a line this pull request changes.',
    }));
    const body = renderReviewBody({
      inline: 0,
      suggestions: 0,
      listed,
      link: { repository: 'acme/webapp', serverUrl: 'https://github.com', ref: 'abc' },
      maxLength: 20_000,
    });
    expect(body.length).toBeLessThanOrEqual(20_000);
    expect(body).toMatch(/- … and [\d,]+ more findings: see the job summary of this run\./);
    expect(readListedKeys(body)).toHaveLength(2000);
  });
});
