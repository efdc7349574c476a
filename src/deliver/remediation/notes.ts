// The one part of the remediation pull request's description that people may edit: a marked section the tool
// carries over, verbatim, whenever it rewrites the rest.

export const NOTES_START = '<!-- cookie-hardener:notes -->';
export const NOTES_END = '<!-- cookie-hardener:notes-end -->';
/** Keeps a runaway paste from crowding the findings out of GitHub's 65,536-character body. */
const MAX_NOTES = 8_000;
export const DEFAULT_NOTES =
  '_Anything written between these lines is kept when cookie-hardener rewrites the description; the rest is regenerated._';

/** The section as it appears in the body. */
export function renderNotesSection(notes: string): string {
  return `### Notes\n\n${NOTES_START}\n${notes}\n${NOTES_END}`;
}

/**
 * What people wrote in the section, or null when the body has none. indexOf, not a regular expression: the
 * body is anyone's text and must not cost more than one pass.
 */
export function extractNotes(body: string): string | null {
  const start = body.indexOf(NOTES_START);
  if (start === -1) return null;
  const end = body.indexOf(NOTES_END, start + NOTES_START.length);
  if (end === -1) return null;
  const notes = body.slice(start + NOTES_START.length, end).trim();
  if (notes.length === 0) return DEFAULT_NOTES;
  return notes.length > MAX_NOTES ? `${notes.slice(0, MAX_NOTES)}…` : notes;
}
