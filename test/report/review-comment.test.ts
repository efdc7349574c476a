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
