// Unified diffs of planned changes, as `git apply` and reviewers read them.
import { structuredPatch } from 'diff';
import type { FileChange } from '../model.js';
import { quoteDiffPath } from './control-chars.js';

export function renderUnifiedDiff(changes: readonly FileChange[]): string {
  return changes
    .map((change) => {
      const patch = structuredPatch(
        `a/${change.file}`,
        `b/${change.file}`,
        change.before,
        change.after,
        '',
        '',
        {
          context: 3,
        },
      );
      const hunks = patch.hunks.map((hunk) => {
        const header = `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`;
        return [header, ...hunk.lines].join('\n');
      });
      const [from, to] = [quoteDiffPath(`a/${change.file}`), quoteDiffPath(`b/${change.file}`)];
      return [`--- ${from}`, `+++ ${to}`, ...hunks].join('\n') + '\n';
    })
    .join('');
}
