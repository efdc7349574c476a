import { describe, expect, it } from 'vitest';
import {
  findingMarker,
  hasSuggestion,
  isMarkedFixed,
  readFindingKeys,
  readListedKeys,
  renderFixedComment,
  renderReviewBody,
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
