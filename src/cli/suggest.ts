// "Did you mean …?" for a mistyped command or option: the closest known name by edit distance (a swap of two
// neighbouring letters counts as one edit), or a known name the typed one begins.

/** The known name `typed` most likely meant, or null when none is close enough to be a fair guess. */
export function closestName(typed: string, known: readonly string[]): string | null {
  const bare = (name: string) => name.replace(/^-+/, '').toLowerCase().replace(/_/g, '-');
  const word = bare(typed);
  if (word === '') return null;
  let best: { name: string; distance: number } | null = null;
  for (const name of known) {
    const distance = editDistance(word, bare(name));
    if (best === null || distance < best.distance) best = { name, distance };
  }
  const allowed = word.length >= 5 ? 2 : 1;
  if (best !== null && best.distance <= allowed) return best.name;
  const extended = known.filter((name) => word.length >= 3 && bare(name).startsWith(word));
  return extended.length === 1 ? extended[0]! : null;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const table: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: columns }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < columns; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(table[i - 1]![j]! + 1, table[i]![j - 1]! + 1, table[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, table[i - 2]![j - 2]! + 1);
      }
      table[i]![j] = value;
    }
  }
  return table[a.length]![b.length]!;
}
