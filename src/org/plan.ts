// The plan job's decisions, without any I/O of their own: which of the listed repositories to sweep (filters),
// which are unchanged since their last sweep (resume), and the matrix GitHub Actions runs them in.
import { parseSweepResult, RESULT_SCHEMA, type SweepResult } from './result.js';

/** GitHub refuses a matrix that would make more jobs than this in one workflow run. */
export const MATRIX_LIMIT = 256;

/** What the installation's listing says about a repository. */
export interface ListedRepository {
  /** owner/name. */
  fullName: string;
  defaultBranch: string;
  archived: boolean;
  fork: boolean;
  topics: string[];
  language: string | null;
  /** Any push to any branch moves it; null when GitHub gives none (an empty repository). */
  pushedAt: string | null;
}

export interface PlanFilter {
  /** The organisation; repositories of other owners the installation reaches are left out. */
  owner: string;
  /** Only these (names or owner/name); empty means every repository. */
  repositories: string[];
  /** Only repositories with at least one of these topics; empty means any. */
  topics: string[];
  /** Only repositories whose main language is one of these (case-insensitive); empty means any. */
  languages: string[];
  includeArchived: boolean;
  includeForks: boolean;
}

export interface Exclusion {
  repository: string;
  reason: string;
}

/** The listing narrowed by the filter, in name order, with why each other repository was left out. */
export function selectRepositories(
  listed: readonly ListedRepository[],
  filter: PlanFilter,
): { selected: ListedRepository[]; excluded: Exclusion[]; missing: string[] } {
  const owner = filter.owner.toLowerCase();
  const wanted = new Map(
    filter.repositories.map((name) => {
      const full = (name.includes('/') ? name : `${filter.owner}/${name}`).toLowerCase();
      return [full, name] as const;
    }),
  );
  const topics = new Set(filter.topics.map((topic) => topic.toLowerCase()));
  const languages = new Set(filter.languages.map((language) => language.toLowerCase()));
  const selected: ListedRepository[] = [];
  const excluded: Exclusion[] = [];
  const seen = new Set<string>();
  for (const repository of [...listed].sort((a, b) => compareText(a.fullName, b.fullName))) {
    const key = repository.fullName.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    // Repositories of other owners and ones the list does not name are not part of this sweep at all.
    if (!key.startsWith(`${owner}/`)) continue;
    if (wanted.size > 0 && !wanted.has(key)) continue;
    const reason = exclusionReason(repository, filter, topics, languages);
    if (reason === null) selected.push(repository);
    else excluded.push({ repository: repository.fullName, reason });
  }
  const missing = [...wanted].filter(([key]) => !seen.has(key)).map(([, name]) => name);
  return { selected, excluded, missing };
}

function exclusionReason(
  repository: ListedRepository,
  filter: PlanFilter,
  topics: ReadonlySet<string>,
  languages: ReadonlySet<string>,
): string | null {
  if (repository.archived && !filter.includeArchived) return 'archived (read-only)';
  if (repository.fork && !filter.includeForks) return 'a fork';
  if (topics.size > 0 && !repository.topics.some((topic) => topics.has(topic.toLowerCase())))
    return `none of the topics ${[...topics].join(', ')}`;
  if (languages.size > 0 && !languages.has((repository.language ?? '').toLowerCase()))
    return `language ${repository.language ?? 'unknown'}`;
  return null;
}

/** What the last run left for the next one: each repository's last good result and what the listing said. */
export interface SweepState {
  schema: typeof RESULT_SCHEMA;
  entries: Record<string, StateEntry>;
}

export interface StateEntry {
  result: SweepResult;
  /** The listing's pushed_at when this result was last confirmed current. */
  pushedAt: string | null;
  defaultBranch: string;
}

export interface PlannedRepository {
  repository: string;
  defaultBranch: string;
  pushedAt: string | null;
}

export interface SkippedRepository extends PlannedRepository {
  /** The earlier result that still holds (same commit, same version), with the listing's pushedAt. */
  result: SweepResult;
}

export interface SweepPlan {
  schema: typeof RESULT_SCHEMA;
  toolVersion: string;
  owner: string;
  /** Swept by this run's matrix. */
  sweep: PlannedRepository[];
  /** Unchanged since a good sweep by this version: their earlier result is carried over. */
  skipped: SkippedRepository[];
  /** Needing a sweep, but past this run's share (`max-repositories`): the next run takes them first. */
  deferred: PlannedRepository[];
  excluded: Exclusion[];
  /** Named in `repositories` but not reachable by the installation. */
  missing: string[];
  /** Default-branch lookups made to decide (API requests spent on resuming). */
  headLookups: number;
}

/**
 * Decides each selected repository against the state. A repository is skipped only when its last result was
 * a good sweep by this tool version of the commit its default branch still points at. Nothing has been pushed
 * when pushed_at and the default branch are as recorded, which settles it without a request; otherwise
 * `head()` asks for the branch's commit. Once `limit` repositories are due, the rest are deferred unasked.
 */
export async function planSweep(options: {
  selected: readonly ListedRepository[];
  excluded: Exclusion[];
  missing: string[];
  owner: string;
  state: SweepState | null;
  toolVersion: string;
  limit: number;
  head: (repository: ListedRepository) => Promise<string | null>;
}): Promise<SweepPlan> {
  const plan: SweepPlan = {
    schema: RESULT_SCHEMA,
    toolVersion: options.toolVersion,
    owner: options.owner,
    sweep: [],
    skipped: [],
    deferred: [],
    excluded: options.excluded,
    missing: options.missing,
    headLookups: 0,
  };
  const entries = new Map(
    Object.entries(options.state?.entries ?? {}).map(([key, entry]) => [key.toLowerCase(), entry]),
  );
  for (const repository of options.selected) {
    const planned: PlannedRepository = {
      repository: repository.fullName,
      defaultBranch: repository.defaultBranch,
      pushedAt: repository.pushedAt,
    };
    const due = () => {
      if (plan.sweep.length < options.limit) plan.sweep.push(planned);
      else plan.deferred.push(planned);
    };
    const entry = entries.get(repository.fullName.toLowerCase());
    const reusable =
      entry !== undefined &&
      entry.result.status === 'swept' &&
      entry.result.commit !== null &&
      entry.result.toolVersion === options.toolVersion &&
      entry.defaultBranch === repository.defaultBranch;
    if (!reusable) {
      due();
      continue;
    }
    if (entry.pushedAt !== null && entry.pushedAt === repository.pushedAt) {
      plan.skipped.push({ ...planned, result: entry.result });
      continue;
    }
    // Past this run's share nothing more is asked: the next run decides them.
    if (plan.sweep.length >= options.limit) {
      plan.deferred.push(planned);
      continue;
    }
    plan.headLookups += 1;
    const head = await options.head(repository);
    if (head !== null && head === entry.result.commit)
      plan.skipped.push({ ...planned, result: entry.result });
    else due();
  }
  return plan;
}

/** One matrix entry: the repository and the names its job and artifact use. */
export interface MatrixEntry {
  repository: string;
  /** The repository's name alone: artifact names may not contain `/`. */
  name: string;
  ref: string;
}

/** The `strategy.matrix` value for this run's sweep job (`include` form; never more than 256 entries). */
export function sweepMatrix(plan: SweepPlan): { include: MatrixEntry[] } {
  return {
    include: plan.sweep.slice(0, MATRIX_LIMIT).map((planned) => ({
      repository: planned.repository,
      name: planned.repository.split('/')[1] ?? planned.repository,
      ref: planned.defaultBranch,
    })),
  };
}

/** The state the next plan reads: this plan's carried results and the fresh good ones. */
export function nextState(
  previous: SweepState | null,
  plan: SweepPlan,
  fresh: readonly SweepResult[],
): SweepState {
  const entries: Record<string, StateEntry> = {};
  // Entries of repositories this plan did not look at (deferred, or filtered out for now) are kept as they were.
  for (const [key, entry] of Object.entries(previous?.entries ?? {})) entries[key.toLowerCase()] = entry;
  for (const skipped of plan.skipped) {
    entries[skipped.repository.toLowerCase()] = {
      result: skipped.result,
      pushedAt: skipped.pushedAt,
      defaultBranch: skipped.defaultBranch,
    };
  }
  const planned = new Map(plan.sweep.map((entry) => [entry.repository.toLowerCase(), entry]));
  for (const result of fresh) {
    const key = result.repository.toLowerCase();
    const sweep = planned.get(key);
    if (!sweep) continue;
    if (result.status === 'swept' && result.commit !== null) {
      entries[key] = { result, pushedAt: sweep.pushedAt, defaultBranch: sweep.defaultBranch };
    } else {
      // A failed sweep leaves nothing to resume from: the next run tries again.
      delete entries[key];
    }
  }
  return {
    schema: RESULT_SCHEMA,
    entries: Object.fromEntries(Object.entries(entries).sort(([a], [b]) => compareText(a, b))),
  };
}

/** Reads a state file; null (sweep everything) when it is not one this version can use. */
export function parseSweepState(text: string): SweepState | null {
  let value: Partial<SweepState>;
  try {
    value = JSON.parse(text) as Partial<SweepState>;
  } catch {
    return null;
  }
  if (value.schema !== RESULT_SCHEMA || typeof value.entries !== 'object' || value.entries === null)
    return null;
  // An entry whose result does not read back is dropped: that repository is simply swept again.
  const entries: Record<string, StateEntry> = {};
  for (const [key, entry] of Object.entries(value.entries)) {
    const result = parseSweepResult(JSON.stringify(entry?.result ?? null));
    if (typeof result === 'string' || typeof entry.defaultBranch !== 'string') continue;
    entries[key] = {
      result,
      pushedAt: typeof entry.pushedAt === 'string' ? entry.pushedAt : null,
      defaultBranch: entry.defaultBranch,
    };
  }
  return { schema: RESULT_SCHEMA, entries };
}

export function parseSweepPlan(text: string): SweepPlan | null {
  try {
    const value = JSON.parse(text) as Partial<SweepPlan>;
    if (value.schema !== RESULT_SCHEMA || !Array.isArray(value.sweep) || !Array.isArray(value.skipped))
      return null;
    return value as SweepPlan;
  } catch {
    return null;
  }
}

export function compareText(a: string, b: string): number {
  const left = a.toLowerCase();
  const right = b.toLowerCase();
  return left < right ? -1 : left > right ? 1 : 0;
}
