// When verification rejects a file, only the edits that caused it are withheld: findings whose edits overlap
// are tried together as one group, and the failing groups are found by bisection, so one awkward layout no
// longer blocks every other fix in its file. Pure search: the verification itself is passed in.
import type { Edit, FileChange, Finding } from '../model.js';

export interface Verification {
  changes: FileChange[];
  /** Files that failed, with the reason. */
  failures: Map<string, string>;
}

/**
 * Applies and checks a set of edits. `tolerated` counts, per finding identity (see identityOf), the findings
 * whose edits were withheld: a second pass may still want those, and that is no failure.
 */
export type VerifyEdits = (edits: readonly Edit[], tolerated: ReadonlyMap<string, number>) => Verification;

export interface WithholdResult {
  changes: FileChange[];
  /** Index into the planned findings → why its fix was withheld. */
  withheld: Map<number, string>;
}

interface Group {
  members: number[];
  edits: Edit[];
  files: Set<string>;
}

/** What a second pass recognises a finding by: its rule, place, cookie and problems, not its offsets. */
export function identityOf(finding: Pick<Finding, 'ruleId' | 'file' | 'cookie' | 'problems'>): string {
  return [finding.ruleId, finding.file, finding.cookie ?? '', [...finding.problems].sort().join(',')].join(
    '\0',
  );
}

export function editKey(edit: Edit): string {
  return `${edit.file}\0${edit.start}\0${edit.end}\0${edit.text}`;
}

export function withholdFailing(
  planned: ReadonlyArray<{ finding: Finding; edits: readonly Edit[] }>,
  verify: VerifyEdits,
): WithholdResult {
  const groups = groupsOf(planned);
  const run = (chosen: readonly Group[]): Verification => {
    const chosenSet = new Set(chosen);
    const tolerated = new Map<string, number>();
    for (const group of groups) {
      if (chosenSet.has(group)) continue;
      for (const member of group.members) {
        const key = identityOf(planned[member]!.finding);
        tolerated.set(key, (tolerated.get(key) ?? 0) + 1);
      }
    }
    return verify(
      chosen.flatMap((group) => group.edits),
      tolerated,
    );
  };

  const first = run(groups);
  if (first.failures.size === 0) return { changes: first.changes, withheld: new Map() };

  const touchesFailure = (group: Group, failures: ReadonlyMap<string, string>) =>
    [...group.files].some((file) => failures.has(file));
  const accepted = groups.filter((group) => !touchesFailure(group, first.failures));
  const reasons = new Map<Group, string>();
  const reasonFor = (group: Group, failures: ReadonlyMap<string, string>): string =>
    [...group.files].map((file) => failures.get(file)).find((reason) => reason !== undefined) ??
    [...failures.values()][0] ??
    'verification failed';

  const solve = (candidates: readonly Group[]): void => {
    if (candidates.length === 0) return;
    const attempt = run([...accepted, ...candidates]);
    if (attempt.failures.size === 0) {
      accepted.push(...candidates);
      return;
    }
    if (candidates.length === 1) {
      reasons.set(candidates[0]!, reasonFor(candidates[0]!, attempt.failures));
      return;
    }
    const middle = candidates.length >> 1;
    solve(candidates.slice(0, middle));
    solve(candidates.slice(middle));
  };
  solve(groups.filter((group) => touchesFailure(group, first.failures)));

  // The groups kept must pass together; if some interaction still fails, drop whole files as before.
  let final = run(accepted);
  while (final.failures.size > 0) {
    const failures = final.failures;
    const dropped = accepted.filter((group) => touchesFailure(group, failures));
    if (dropped.length === 0) break;
    for (const group of dropped) {
      reasons.set(group, reasonFor(group, failures));
      accepted.splice(accepted.indexOf(group), 1);
    }
    final = run(accepted);
  }

  const withheld = new Map<number, string>();
  for (const [group, reason] of reasons) for (const member of group.members) withheld.set(member, reason);
  return { changes: final.failures.size === 0 ? final.changes : [], withheld };
}

/** Findings that share an edit (one options object fixed for several calls) stand or fall together. */
function groupsOf(planned: ReadonlyArray<{ edits: readonly Edit[] }>): Group[] {
  const parent = planned.map((_, index) => index);
  const find = (index: number): number => {
    while (parent[index] !== index) {
      parent[index] = parent[parent[index]!]!;
      index = parent[index]!;
    }
    return index;
  };
  const owner = new Map<string, number>();
  planned.forEach(({ edits }, index) => {
    for (const edit of edits) {
      const key = editKey(edit);
      const seen = owner.get(key);
      if (seen === undefined) owner.set(key, index);
      else parent[find(index)] = find(seen);
    }
  });
  const byRoot = new Map<number, Group>();
  planned.forEach(({ edits }, index) => {
    if (edits.length === 0) return;
    const root = find(index);
    const group = byRoot.get(root) ?? { members: [], edits: [], files: new Set<string>() };
    group.members.push(index);
    for (const edit of edits) {
      if (!group.edits.some((known) => editKey(known) === editKey(edit))) group.edits.push(edit);
      group.files.add(edit.file);
    }
    byRoot.set(root, group);
  });
  return [...byRoot.values()];
}
