// The delivery's part of the remediation body: its own fields in the hidden state, and the notes section people
// may edit.
import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTES, extractNotes, renderNotesSection } from '../../src/deliver/remediation/notes.js';
import { parsePullRequestState, renderPullRequestBody } from '../../src/report/pr-body.js';
import { finding, scanResult } from '../report/scan-results.js';

const HEAD = 'a'.repeat(40);

describe('delivery state and notes in the remediation body', () => {
  const result = scanResult([finding({ fingerprint: '0a9c33de51f07b62', outcome: 'fixed' })]);

  it('round-trips the recorded commit and rendering digest, and places the notes before the footer', () => {
    const body = renderPullRequestBody(result, {
      repository: 'acme/shop',
      delivery: { head: HEAD, rendered: 'r1' },
      notes: renderNotesSection('Ship after 2.3.'),
    });
    expect(parsePullRequestState(body)?.delivery).toEqual({ head: HEAD, rendered: 'r1' });
    expect(body).toContain(
      '### Notes\n\n<!-- cookie-hardener:notes -->\nShip after 2.3.\n<!-- cookie-hardener:notes-end -->\n\n_cookie-hardener rewrites this description',
    );
    expect(extractNotes(body)).toBe('Ship after 2.3.');
  });

  it('drops a recorded head that is not a commit id', () => {
    const body = '<!-- cookie-hardener:state {"version":1,"digest":"d","head":"main"} -->';
    expect(parsePullRequestState(body)?.delivery).toEqual({});
  });

  it('reads no notes from a body without a closed section, and the default from an empty one', () => {
    expect(extractNotes('text <!-- cookie-hardener:notes --> never closed')).toBeNull();
    expect(extractNotes('no section')).toBeNull();
    expect(extractNotes(renderNotesSection('   '))).toBe(DEFAULT_NOTES);
  });

  it('caps notes a runaway paste made huge', () => {
    const notes = extractNotes(renderNotesSection('x'.repeat(50_000)));
    expect(notes).toBe(`${'x'.repeat(8_000)}…`);
  });
});
