import { describe, expect, it } from 'vitest';
import {
  dashboardRows,
  MAX_ISSUE_BODY,
  renderCsv,
  renderDashboard,
  renderTrackingIssue,
  TRACKING_MARKER,
} from '../../src/org/dashboard.js';
import type { SweepPlan } from '../../src/org/plan.js';
import { countFindings, emptyCounts, parseSweepResult, type SweepResult } from '../../src/org/result.js';
import type { Finding } from '../../src/model.js';

const C1 = 'c'.repeat(40);

function result(name: string, extra: Partial<SweepResult> = {}): SweepResult {
  return {
    schema: 1,
    repository: `acme/${name}`,
    commit: C1,
    toolVersion: '0.1.0',
    mode: 'pr',
    status: 'swept',
    findings: { total: 2, bySeverity: { high: 1, medium: 1, low: 0 }, byFramework: { express: 1, flask: 1 } },
    fixed: 2,
    pullRequest: { number: 4, url: 'https://github.com/acme/x/pull/4', operation: 'created', state: 'open' },
    error: null,
    durationMs: 1200,
    finishedAt: '2026-01-05T10:00:00.000Z',
    ...extra,
  };
}

function plan(extra: Partial<SweepPlan> = {}): SweepPlan {
  const planned = (name: string) => ({ repository: `acme/${name}`, defaultBranch: 'main', pushedAt: 'p' });
  return {
    schema: 1,
    toolVersion: '0.1.0',
    owner: 'acme',
    sweep: [planned('api'), planned('broken'), planned('lost')],
    skipped: [{ ...planned('old'), result: result('old', { pullRequest: null, fixed: 0 }) }],
    deferred: [planned('zz-later')],
    excluded: [],
    missing: [],
    headLookups: 1,
    ...extra,
  };
}

const CONTEXT = { serverUrl: 'https://github.com', runUrl: null };

describe('dashboard', () => {
  it('lists every planned repository once, with failures, missing results and deferred ones', () => {
    const rows = dashboardRows(plan(), [
      result('api'),
      result('broken', {
        status: 'failed',
        error: '=HYPERLINK("x") @team #12 | <b>',
        pullRequest: null,
        fixed: 0,
      }),
      result('unplanned'),
    ]);
    expect(rows.map((row) => [row.repository, row.status])).toEqual([
      ['acme/api', 'swept'],
      ['acme/broken', 'failed'],
      ['acme/lost', 'no result'],
      ['acme/old', 'unchanged'],
      ['acme/zz-later', 'deferred'],
    ]);
    const markdown = renderDashboard(plan(), rows, CONTEXT);
    expect(markdown).toContain(
      '**5 repositories**: 1 swept, 1 unchanged since their last sweep (skipped), 1 failed, 1 without a result, 1 deferred to the next run. cookie-hardener 0.1.0.',
    );
    expect(markdown).toContain('| high | 3 |\n| medium | 3 |\n| low | 0 |\n| **total** | **6** |');
    expect(markdown).toContain('| express | 3 |\n| flask | 3 |');
    // Repository text in a cell cannot break the table, mention, link issues or inject HTML.
    expect(markdown).toContain(
      '| [acme/broken](https://github.com/acme/broken) | =HYPERLINK("x") @&#8203;team #&#8203;12 \\| &lt;b&gt; |',
    );
    expect(markdown).toContain(
      '| [acme/lost](https://github.com/acme/lost) | the sweep job left no result (cancelled, timed out, or its artifact was not uploaded); the next run sweeps it again |',
    );
    expect(markdown).toContain(
      '| [acme/api](https://github.com/acme/api) | swept | `ccccccc` | 1 | 1 | 0 | express 1, flask 1 | [#4](https://github.com/acme/x/pull/4) open |',
    );
    expect(markdown).toContain(
      '| [acme/zz-later](https://github.com/acme/zz-later) | deferred |  |  |  |  |  |  |',
    );
  });

  it('writes CSV with quoting, and defuses cells a spreadsheet would run as formulas', () => {
    const rows = dashboardRows(plan({ skipped: [], deferred: [], sweep: [plan().sweep[1]!] }), [
      result('broken', { status: 'failed', error: '=cmd|"/c calc", then more', pullRequest: null, fixed: 0 }),
    ]);
    expect(renderCsv(rows)).toBe(
      'repository,status,commit,tool_version,findings,high,medium,low,frameworks,fixed,pull_request_number,pull_request_url,pull_request_state,error\r\n' +
        `acme/broken,failed,${C1},0.1.0,2,1,1,0,express:1 flask:1,0,,,,"'=cmd|""/c calc"", then more"\r\n`,
    );
  });

  it('cuts the repository table, never the totals, to fit an issue body, and starts with the marker', () => {
    const many = Array.from({ length: 2000 }, (_, index) => `repository-with-a-long-name-${index}`);
    const big = plan({
      sweep: many.map((name) => ({ repository: `acme/${name}`, defaultBranch: 'main', pushedAt: 'p' })),
      skipped: [],
      deferred: [],
    });
    const rows = dashboardRows(
      big,
      many.map((name) => result(name)),
    );
    const body = renderTrackingIssue(big, rows, CONTEXT);
    expect(body.length).toBeLessThanOrEqual(MAX_ISSUE_BODY);
    expect(body.startsWith(`${TRACKING_MARKER}\n# Cookie flags across acme`)).toBe(true);
    expect(body).toContain('| **total** | **4000** |');
    expect(body).toMatch(/> The table is cut after \d+ of 2000 repositories to fit;/);
    expect(renderDashboard(big, rows, CONTEXT)).not.toContain('The table is cut');
  });
});

describe('sweep results', () => {
  it('counts findings by severity and framework, leaving ignored ones out', () => {
    const finding = (framework: string, severity: Finding['severity'], outcome: Finding['outcome']) =>
      ({ framework, severity, outcome }) as Finding;
    expect(
      countFindings([
        finding('flask', 'high', 'fixable'),
        finding('express', 'medium', 'manual'),
        finding('express', 'high', 'ignored'),
      ]),
    ).toEqual({
      total: 2,
      bySeverity: { high: 1, medium: 1, low: 0 },
      byFramework: { express: 1, flask: 1 },
    });
    expect(countFindings([])).toEqual(emptyCounts());
  });

  it('reads back a result, and names what is wrong with one it cannot use', () => {
    const good = result('api');
    expect(parseSweepResult(JSON.stringify(good))).toEqual(good);
    expect(parseSweepResult('[')).toBe('it is not JSON');
    expect(parseSweepResult(JSON.stringify({ ...good, repository: '../x' }))).toBe(
      'it names no owner/name repository',
    );
    expect(parseSweepResult(JSON.stringify({ ...good, commit: 'main' }))).toBe(
      'its commit is not a 40-hex commit id',
    );
    expect(parseSweepResult(JSON.stringify({ ...good, findings: { ...good.findings, total: -1 } }))).toBe(
      'its findings are not counts',
    );
    expect(parseSweepResult(JSON.stringify({ ...good, pullRequest: { number: 1 } }))).toBe(
      'its pull request is malformed',
    );
  });
});
