// `paths` / `exclude` globs, matched in time linear in the path: a pattern is compiled to a small automaton
// and every path character advances the whole set of live states at once. A backtracking matcher (or a
// regular expression built from the glob) takes exponential time on patterns like `*a*a*a*a*a*a*b`, and
// the patterns come from a repository's own config file.
//
// The dialect is what people write in these settings: `*` and `?` inside one path segment, `**` as a whole
// segment for any number of segments, `[abc]` / `[a-z]` / `[!a]` classes, `{a,b}` alternatives (nested),
// `\` to escape, and a leading `!` to negate a pattern. Dots are matched like any other character.

const SLASH = 0x2f;

/** One automaton state: edges that consume a character, and edges that consume nothing. */
interface State {
  consume: Array<{ test: (code: number) => boolean; to: number }>;
  skip: number[];
}

/** Alternatives a single pattern may expand to through braces; more is a mistake, not a glob. */
const MAX_ALTERNATIVES = 1024;

export type PathMatcher = (path: string) => boolean;

/** True for a path any pattern matches (a `!pattern` matches every path it does not). */
export function compileGlobs(patterns: readonly string[]): PathMatcher {
  const matchers = patterns.map(compileGlob);
  return (path) => matchers.some((matches) => matches(path));
}

export function compileGlob(pattern: string): PathMatcher {
  const negated = pattern.startsWith('!') && !pattern.startsWith('!(');
  const body = negated ? pattern.slice(1) : pattern;
  const automata = expandBraces(body).map(compileAlternative);
  const matches = (path: string) => automata.some((states) => run(states, path));
  return negated ? (path) => !matches(path) : matches;
}

/** `a{b,c{d,e}}f` → abf, acdf, acef. An unbalanced brace or one without a comma is literal text. */
export function expandBraces(pattern: string): string[] {
  const open = findBrace(pattern);
  if (!open) return [pattern];
  const head = pattern.slice(0, open.start);
  const tail = pattern.slice(open.end + 1);
  const results: string[] = [];
  const tails = expandBraces(tail);
  for (const option of open.options) {
    for (const inner of expandBraces(option)) {
      for (const rest of tails) {
        results.push(head + inner + rest);
        if (results.length > MAX_ALTERNATIVES) {
          throw new GlobError(
            `the pattern "${pattern}" expands to more than ${MAX_ALTERNATIVES} alternatives`,
          );
        }
      }
    }
  }
  return results;
}

export class GlobError extends Error {
  override name = 'GlobError';
}

/** The first brace group with a top-level comma: its span and its comma-separated options. */
function findBrace(pattern: string): { start: number; end: number; options: string[] } | null {
  for (let start = 0; start < pattern.length; start++) {
    if (pattern[start] === '\\') {
      start++;
      continue;
    }
    if (pattern[start] !== '{') continue;
    let depth = 0;
    let last = start + 1;
    const options: string[] = [];
    for (let index = start; index < pattern.length; index++) {
      const char = pattern[index];
      if (char === '\\') {
        index++;
        continue;
      }
      if (char === '{') depth++;
      else if (char === '}' && --depth === 0) {
        if (options.length === 0) break; // `{a}`: literal
        options.push(pattern.slice(last, index));
        return { start, end: index, options };
      } else if (char === ',' && depth === 1) {
        options.push(pattern.slice(last, index));
        last = index + 1;
      }
    }
  }
  return null;
}

/** Compiles one brace-free pattern; the last state accepts. */
function compileAlternative(pattern: string): State[] {
  const states: State[] = [];
  const add = (): number => states.push({ consume: [], skip: [] }) - 1;
  let current = add();
  const literal = (test: (code: number) => boolean) => {
    const next = add();
    states[current]!.consume.push({ test, to: next });
    current = next;
  };
  const notSlash = (code: number) => code !== SLASH;
  const any = () => true;

  const segments = pattern.split('/');
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index]!;
    const lastSegment = index === segments.length - 1;
    if (segment === '**') {
      if (segments.length === 1) {
        // `**` alone: anything at all.
        states[current]!.consume.push({ test: any, to: current });
      } else if (lastSegment) {
        // `a/**`: `a` itself, or anything below it. The slash before was already consumed as a literal, so
        // the state before it also skips to the end.
        states[current]!.consume.push({ test: any, to: current });
        const accept = add();
        states[current]!.skip.push(accept);
        states[beforeSlash(states, current)]!.skip.push(accept);
        current = accept;
      } else {
        // `**/` in front of the rest: nothing, or any run of characters that ends in a slash.
        const inside = add();
        const after = add();
        for (const from of [current, inside]) {
          states[from]!.consume.push({ test: any, to: inside });
          states[from]!.consume.push({ test: (code) => code === SLASH, to: after });
        }
        states[current]!.skip.push(after);
        current = after;
        continue; // the slash after `**` is part of it
      }
    } else {
      compileSegment(segment, literal, () => {
        states[current]!.consume.push({ test: notSlash, to: current });
      });
    }
    if (!lastSegment) literal((code) => code === SLASH);
  }
  return states;
}

/** The state a just-consumed slash came from (the `a` in `a/**`), found from the edge that reached `to`. */
function beforeSlash(states: readonly State[], to: number): number {
  for (let from = to - 1; from >= 0; from--) {
    if (states[from]!.consume.some((edge) => edge.to === to)) return from;
  }
  return to;
}

function compileSegment(
  segment: string,
  literal: (test: (code: number) => boolean) => void,
  star: () => void,
): void {
  for (let index = 0; index < segment.length; index++) {
    const char = segment[index]!;
    if (char === '\\' && index + 1 < segment.length) {
      const code = segment.charCodeAt(++index);
      literal((candidate) => candidate === code);
    } else if (char === '*') {
      star(); // `**` inside a segment is a plain star: the second one adds nothing
    } else if (char === '?') {
      literal((code) => code !== SLASH);
    } else if (char === '[') {
      const parsed = parseClass(segment, index);
      if (parsed) {
        literal(parsed.test);
        index = parsed.end;
      } else {
        literal((code) => code === 0x5b);
      }
    } else {
      const code = segment.charCodeAt(index);
      literal((candidate) => candidate === code);
    }
  }
}

/** `[abc]`, `[a-z]`, `[!x]` / `[^x]` starting at `start`; null when there is no closing bracket. */
function parseClass(segment: string, start: number): { test: (code: number) => boolean; end: number } | null {
  let index = start + 1;
  const negate = segment[index] === '!' || segment[index] === '^';
  if (negate) index++;
  const ranges: Array<[number, number]> = [];
  let first = true;
  for (; index < segment.length; index++) {
    let char = segment[index]!;
    if (char === ']' && !first) {
      const test = (code: number) =>
        code !== SLASH && ranges.some(([low, high]) => code >= low && code <= high) !== negate;
      return { test, end: index };
    }
    first = false;
    if (char === '\\' && index + 1 < segment.length) char = segment[++index]!;
    const low = char.charCodeAt(0);
    if (segment[index + 1] === '-' && index + 2 < segment.length && segment[index + 2] !== ']') {
      const high = segment.charCodeAt(index + 2);
      ranges.push([low, high]);
      index += 2;
    } else {
      ranges.push([low, low]);
    }
  }
  return null;
}

/** Runs the automaton over the path: each character costs at most one visit per state. */
function run(states: readonly State[], path: string): boolean {
  const accept = states.length - 1;
  let live = new Uint8Array(states.length);
  let next = new Uint8Array(states.length);
  const stack: number[] = [];
  const close = (set: Uint8Array, start: number) => {
    if (set[start]) return;
    set[start] = 1;
    stack.push(start);
    while (stack.length > 0) {
      for (const to of states[stack.pop()!]!.skip) {
        if (!set[to]) {
          set[to] = 1;
          stack.push(to);
        }
      }
    }
  };
  close(live, 0);
  for (let position = 0; position < path.length; position++) {
    const code = path.charCodeAt(position);
    next.fill(0);
    let any = false;
    for (let state = 0; state < states.length; state++) {
      if (!live[state]) continue;
      for (const edge of states[state]!.consume) {
        if (edge.test(code)) {
          close(next, edge.to);
          any = true;
        }
      }
    }
    if (!any) return false;
    [live, next] = [next, live];
  }
  return live[accept] === 1;
}
