import { describe, expect, it } from 'vitest';
import {
  nextState,
  parseSweepState,
  planSweep,
  selectRepositories,
  sweepMatrix,
  type ListedRepository,
  type PlanFilter,
  type SweepState,
} from '../../src/org/plan.js';
import { emptyCounts, type SweepResult } from '../../src/org/result.js';

const C1 = 'a'.repeat(40);
const C2 = 'b'.repeat(40);

function listed(name: string, extra: Partial<ListedRepository> = {}): ListedRepository {
  return {
    fullName: `acme/${name}`,
    defaultBranch: 'main',
    archived: false,
    fork: false,
    topics: [],
    language: 'JavaScript',
    pushedAt: '2026-01-05T09:00:00Z',
    ...extra,
  };
}

const FILTER: PlanFilter = {
  owner: 'acme',
  repositories: [],
  topics: [],
  languages: [],
  includeArchived: false,
  includeForks: false,
};

function result(name: string, extra: Partial<SweepResult> = {}): SweepResult {
  return {
    schema: 1,
    repository: `acme/${name}`,
    commit: C1,
    toolVersion: '0.1.0',
    mode: 'pr',
    status: 'swept',
    findings: emptyCounts(),
    fixed: 0,
    pullRequest: null,
    error: null,
    durationMs: 10,
    finishedAt: '2026-01-05T10:00:00.000Z',
    ...extra,
  };
}

function state(entries: Record<string, { result: SweepResult; pushedAt: string | null }>): SweepState {
  return {
    schema: 1,
    entries: Object.fromEntries(
      Object.entries(entries).map(([key, entry]) => [key, { ...entry, defaultBranch: 'main' }]),
    ),
  };
}

describe('selectRepositories', () => {
  it('leaves out archived repositories, forks, other owners and unlisted names, and says why', () => {
    const repositories = [
      listed('web', { topics: ['pci'] }),
      listed('api', { language: 'Python' }),
      listed('old', { archived: true }),
      listed('copy', { fork: true }),
      { ...listed('elsewhere'), fullName: 'other/elsewhere' },
    ];
    expect(selectRepositories(repositories, FILTER)).toEqual({
      selected: [listed('api', { language: 'Python' }), listed('web', { topics: ['pci'] })],
      excluded: [
        { repository: 'acme/copy', reason: 'a fork' },
        { repository: 'acme/old', reason: 'archived (read-only)' },
      ],
      missing: [],
    });
    const narrowed = selectRepositories(repositories, {
      ...FILTER,
      repositories: ['web', 'acme/API', 'gone'],
      topics: ['PCI'],
      includeForks: true,
    });
    expect(narrowed.selected.map((repository) => repository.fullName)).toEqual(['acme/web']);
    expect(narrowed.excluded).toEqual([{ repository: 'acme/api', reason: 'none of the topics pci' }]);
    expect(narrowed.missing).toEqual(['gone']);
    expect(
      selectRepositories(repositories, { ...FILTER, languages: ['python'] }).selected.map((r) => r.fullName),
    ).toEqual(['acme/api']);
  });
});

describe('planSweep', () => {
  const base = { excluded: [], missing: [], owner: 'acme', toolVersion: '0.1.0', limit: 256 };

  it('skips a repository whose pushed_at is as recorded without asking, and asks once when it moved', async () => {
    const asked: string[] = [];
    const plan = await planSweep({
      ...base,
      selected: [
        listed('same'),
        listed('moved', { pushedAt: '2026-02-01T00:00:00Z' }),
        listed('changed', { pushedAt: '2026-02-01T00:00:00Z' }),
        listed('new'),
        listed('failed'),
        listed('older-tool'),
      ],
      state: state({
        'acme/same': { result: result('same'), pushedAt: '2026-01-05T09:00:00Z' },
        'acme/moved': { result: result('moved'), pushedAt: '2026-01-05T09:00:00Z' },
        'acme/changed': { result: result('changed'), pushedAt: '2026-01-05T09:00:00Z' },
        'acme/failed': { result: result('failed', { status: 'failed' }), pushedAt: '2026-01-05T09:00:00Z' },
        'acme/older-tool': {
          result: result('older-tool', { toolVersion: '0.0.9' }),
          pushedAt: '2026-01-05T09:00:00Z',
        },
      }),
      head: async (repository) => {
        asked.push(repository.fullName);
        return repository.fullName === 'acme/changed' ? C2 : C1;
      },
    });
    expect(asked).toEqual(['acme/moved', 'acme/changed']);
    expect(plan.headLookups).toBe(2);
    expect(plan.sweep.map((entry) => entry.repository)).toEqual([
      'acme/changed',
      'acme/new',
      'acme/failed',
      'acme/older-tool',
    ]);
    expect(plan.skipped.map((entry) => [entry.repository, entry.pushedAt])).toEqual([
      ['acme/same', '2026-01-05T09:00:00Z'],
      ['acme/moved', '2026-02-01T00:00:00Z'],
    ]);
  });

  it('defers what is past the limit without asking, and the matrix never passes 256 entries', async () => {
    const asked: string[] = [];
    const plan = await planSweep({
      ...base,
      limit: 2,
      selected: [listed('a'), listed('b'), listed('c', { pushedAt: 'later' }), listed('d')],
      state: state({ 'acme/c': { result: result('c'), pushedAt: 'earlier' } }),
      head: async (repository) => {
        asked.push(repository.fullName);
        return C1;
      },
    });
    expect(asked).toEqual([]);
    expect(plan.sweep.map((entry) => entry.repository)).toEqual(['acme/a', 'acme/b']);
    expect(plan.deferred.map((entry) => entry.repository)).toEqual(['acme/c', 'acme/d']);
    expect(sweepMatrix(plan)).toEqual({
      include: [
        { repository: 'acme/a', name: 'a', ref: 'main' },
        { repository: 'acme/b', name: 'b', ref: 'main' },
      ],
    });
    const big = await planSweep({
      ...base,
      limit: 1000,
      selected: Array.from({ length: 300 }, (_, index) => listed(`r${index}`)),
      state: null,
      head: async () => C1,
    });
    expect(sweepMatrix(big).include).toHaveLength(256);
  });

  it('sweeps again a repository whose default branch was renamed', async () => {
    const plan = await planSweep({
      ...base,
      selected: [listed('a', { defaultBranch: 'trunk' })],
      state: state({ 'acme/a': { result: result('a'), pushedAt: '2026-01-05T09:00:00Z' } }),
      head: async () => C1,
    });
    expect(plan.sweep.map((entry) => [entry.repository, entry.defaultBranch])).toEqual([['acme/a', 'trunk']]);
  });
});

describe('nextState', () => {
  it('keeps good fresh results with the plan-time pushed_at, drops failed ones, carries skipped and unseen entries', async () => {
    const previous = state({
      'acme/kept': { result: result('kept'), pushedAt: 'p0' },
      'acme/broken': { result: result('broken'), pushedAt: 'p0' },
      'acme/skipped': { result: result('skipped'), pushedAt: 'p0' },
    });
    const plan = await planSweep({
      excluded: [],
      missing: [],
      owner: 'acme',
      toolVersion: '0.1.0',
      limit: 10,
      selected: [
        listed('broken', { pushedAt: 'p1' }),
        listed('fresh', { pushedAt: 'p1' }),
        listed('skipped', { pushedAt: 'p1' }),
      ],
      state: previous,
      head: async (repository) => (repository.fullName === 'acme/skipped' ? C1 : C2),
    });
    const next = nextState(previous, plan, [
      result('fresh', { commit: C2 }),
      result('broken', { status: 'failed', error: 'no' }),
      result('stranger'),
    ]);
    expect(Object.keys(next.entries)).toEqual(['acme/fresh', 'acme/kept', 'acme/skipped']);
    expect(next.entries['acme/fresh']).toEqual({
      result: result('fresh', { commit: C2 }),
      pushedAt: 'p1',
      defaultBranch: 'main',
    });
    expect(next.entries['acme/skipped']?.pushedAt).toBe('p1');
    expect(parseSweepState(JSON.stringify(next))).toEqual(next);
  });

  it('reads back only states it can trust', () => {
    expect(parseSweepState('not json')).toBeNull();
    expect(parseSweepState('{"schema":2,"entries":{}}')).toBeNull();
    const good = state({ 'acme/a': { result: result('a'), pushedAt: 'p' } });
    const tampered = JSON.parse(JSON.stringify(good)) as SweepState;
    (tampered.entries['acme/a']!.result as unknown as Record<string, unknown>).commit = 'HEAD';
    expect(parseSweepState(JSON.stringify(tampered))).toEqual({ schema: 1, entries: {} });
  });
});
