// The verified fix of each finding as whole-line replacements: what a GitHub ```suggestion block can carry.
//
// A suggestion replaces lines `start_line..line` of the pull request's version of the file with the lines in
// the block. The fix is a set of byte splices, so here they are widened to the whole lines they touch, and
// every result is checked by replaying it the way GitHub applies a suggestion: a suggestion that would not
// reproduce exactly what `cookie-hardener fix` writes is never offered.
import { applyEdits } from '../../fix/insert.js';
import { lineBreakAt, lineColumn, lineEndOf, lineStartOf, lineStarts } from '../../languages/text.js';
import type { Edit, FileChange, Finding } from '../../model.js';

export interface Suggestion {
  file: string;
  /** Every finding this replacement fixes (several findings can share one options object). */
  findings: Finding[];
  /** 1-based, inclusive: the lines the replacement stands for. */
  startLine: number;
  endLine: number;
  /** The fixed lines, without line breaks. */
  lines: string[];
}

export interface SuggestionPlan {
  suggestions: Suggestion[];
  /** Fixable findings that cannot be a suggestion, with the reason (a sentence fragment). */
  unsuggestable: Map<Finding, string>;
}

const keyOf = (edit: Edit) => `${edit.file}\0${edit.start}\0${edit.end}\0${edit.text}`;

export function planSuggestions(
  findings: readonly Finding[],
  changes: readonly FileChange[],
): SuggestionPlan {
  const verified = new Set(changes.flatMap((change) => change.edits.map(keyOf)));
  const changeOf = new Map(changes.map((change) => [change.file, change]));
  const unsuggestable = new Map<Finding, string>();
  const candidates = findings.filter((finding) => finding.outcome === 'fixable' && finding.edits.length > 0);

  // Findings that share an edit are one fix (union-find over shared edits): the same lines are never
  // suggested twice.
  const usable = candidates.filter((finding) => {
    if (finding.edits.every((edit) => verified.has(keyOf(edit)))) return true;
    unsuggestable.set(finding, 'its fix did not pass verification');
    return false;
  });
  const parent = usable.map((_, index) => index);
  const root = (index: number): number => {
    while (parent[index] !== index) index = parent[index] = parent[parent[index]!]!;
    return index;
  };
  const ownerOfEdit = new Map<string, number>();
  usable.forEach((finding, index) => {
    for (const edit of finding.edits) {
      const owner = ownerOfEdit.get(keyOf(edit));
      if (owner === undefined) ownerOfEdit.set(keyOf(edit), index);
      else parent[root(index)] = root(owner);
    }
  });
  const groups = new Map<number, { findings: Finding[]; edits: Map<string, Edit> }>();
  usable.forEach((finding, index) => {
    const group = groups.get(root(index)) ?? { findings: [], edits: new Map<string, Edit>() };
    group.findings.push(finding);
    for (const edit of finding.edits) group.edits.set(keyOf(edit), edit);
    groups.set(root(index), group);
  });

  // Per file, groups whose line ranges overlap become one suggestion: GitHub applies one suggestion per line.
  const byFile = new Map<string, Array<{ findings: Finding[]; edits: Edit[]; start: number; end: number }>>();
  for (const group of groups.values()) {
    const edits = [...group.edits.values()];
    const files = new Set(edits.map((edit) => edit.file));
    const file = edits[0]?.file;
    const change = file === undefined ? undefined : changeOf.get(file);
    if (files.size !== 1 || !change) {
      for (const finding of group.findings) unsuggestable.set(finding, 'its fix changes more than one file');
      continue;
    }
    const starts = lineStarts(change.before);
    const start = lineColumn(starts, Math.min(...edits.map((edit) => edit.start))).line;
    const end = lineColumn(starts, Math.max(...edits.map((edit) => edit.end))).line;
    const list = byFile.get(change.file) ?? [];
    list.push({ findings: group.findings, edits, start, end });
    byFile.set(change.file, list);
  }

  const suggestions: Suggestion[] = [];
  for (const [file, list] of byFile) {
    list.sort((a, b) => a.start - b.start || a.end - b.end);
    const merged: typeof list = [];
    for (const item of list) {
      const last = merged.at(-1);
      if (last && item.start <= last.end) {
        last.findings.push(...item.findings);
        last.edits.push(...item.edits);
        last.end = Math.max(last.end, item.end);
      } else merged.push({ ...item, findings: [...item.findings], edits: [...item.edits] });
    }
    const change = changeOf.get(file)!;
    for (const item of merged) {
      const built = buildSuggestion(change.before, item.edits);
      if (typeof built === 'string') {
        for (const finding of item.findings) unsuggestable.set(finding, built);
        continue;
      }
      suggestions.push({ file, findings: item.findings, ...built });
    }
  }
  suggestions.sort((a, b) => a.file.localeCompare(b.file) || a.startLine - b.startLine);
  return { suggestions, unsuggestable };
}

/** The whole lines `edits` touch and their fixed text, or why they cannot be a suggestion. */
export function buildSuggestion(
  before: string,
  edits: readonly Edit[],
): { startLine: number; endLine: number; lines: string[] } | string {
  const first = Math.min(...edits.map((edit) => edit.start));
  const last = Math.max(...edits.map((edit) => edit.end));
  // After the final line break there is no line GitHub could anchor to.
  if (first === before.length && before.endsWith('\n')) return 'its fix appends after the last line';
  const regionStart = lineStartOf(before, first);
  const regionEnd = lineEndOf(before, last);
  if (regionEnd < last) return 'its fix splits a line break';
  const shifted = edits.map((edit) => ({
    ...edit,
    start: edit.start - regionStart,
    end: edit.end - regionStart,
  }));
  const fixed = applyEdits(before.slice(regionStart, regionEnd), shifted);
  const lineBreak = lineBreakAt(before, regionStart);
  const lines = fixed.split(lineBreak);
  const starts = lineStarts(before);
  const startLine = lineColumn(starts, regionStart).line;
  const endLine = lineColumn(starts, regionEnd).line;
  const suggestion = { startLine, endLine, lines };
  // Replay it as GitHub would and insist on the exact bytes of the fix.
  if (applySuggestion(before, suggestion) !== applyEdits(before, edits)) {
    return 'its fix cannot be written as whole replacement lines';
  }
  return suggestion;
}

/**
 * What accepting a suggestion does to the file: lines `startLine..endLine` are replaced by `lines`, the
 * line breaks around them kept as the file has them.
 */
export function applySuggestion(
  text: string,
  suggestion: { startLine: number; endLine: number; lines: readonly string[] },
): string {
  const starts = lineStarts(text);
  const from = starts[suggestion.startLine - 1];
  const lastStart = starts[suggestion.endLine - 1];
  if (from === undefined || lastStart === undefined) throw new Error('suggestion outside the file');
  const to = lineEndOf(text, lastStart);
  return text.slice(0, from) + suggestion.lines.join(lineBreakAt(text, from)) + text.slice(to);
}
