// Evidence in every report: the JSON and SARIF documents carry it as data, the writeup cites it, and what must
// be done alongside a fix comes first.
import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/report/json.js';
import { renderAnalysis } from '../../src/report/markdown.js';
import { renderSarif } from '../../src/report/sarif.js';
import { expressSession, finding, scanResult } from './scan-results.js';

const readBack = finding({
  ruleId: 'express-res-cookie',
  framework: 'express',
  file: 'server/routes/teams.js',
  line: 14,
  column: 3,
  cookie: 'sessions',
  kind: 'session',
  problems: ['httpOnly-false'],
  outcome: 'manual',
  severity: 'low',
  message: 'Cookie "sessions" (res.cookie()): HttpOnly is turned off.',
  notChangedReasons: [
    "browser code in this project uses the cookie, and HttpOnly would hide it from that code: `getCookie('sessions')` reads this cookie (web/src/store.js:8)",
  ],
  evidence: [{ file: 'web/src/store.js', line: 8, fact: "`getCookie('sessions')` reads this cookie" }],
  fingerprint: 'e1e1e1e1e1e1e1e1',
});

const behindProxy = finding({
  ...expressSession,
  evidence: [{ file: 'docker-compose.yml', line: 3, fact: 'an nginx service sits in front of the app' }],
  beforeMerging: [
    "The app looks like it runs behind a proxy but does not trust it: add `app.set('trust proxy', 1)` (trust proxy) so the framework sees HTTPS requests as secure.",
  ],
});

describe('evidence in reports', () => {
  it("JSON lists each finding's evidence and before-merging lines", () => {
    const document = JSON.parse(renderJson(scanResult([readBack, behindProxy]))) as {
      findings: Array<{ evidence: unknown; beforeMerging: unknown }>;
    };
    expect(document.findings.map((entry) => [entry.evidence, entry.beforeMerging])).toEqual([
      [[{ file: 'web/src/store.js', line: 8, fact: "`getCookie('sessions')` reads this cookie" }], []],
      [
        [{ file: 'docker-compose.yml', line: 3, fact: 'an nginx service sits in front of the app' }],
        [
          "The app looks like it runs behind a proxy but does not trust it: add `app.set('trust proxy', 1)` (trust proxy) so the framework sees HTTPS requests as secure.",
        ],
      ],
    ]);
  });

  it('SARIF carries evidence as properties and related locations', () => {
    const document = JSON.parse(renderSarif(scanResult([readBack]))) as {
      runs: Array<{ results: Array<{ properties: { evidence: unknown }; relatedLocations: unknown }> }>;
    };
    const result = document.runs[0]!.results[0]!;
    expect(result.properties.evidence).toEqual([
      { file: 'web/src/store.js', line: 8, fact: "`getCookie('sessions')` reads this cookie" },
    ]);
    expect(result.relatedLocations).toEqual([
      {
        id: 0,
        physicalLocation: {
          artifactLocation: { uri: 'web/src/store.js', uriBaseId: '%SRCROOT%' },
          region: { startLine: 8 },
        },
        message: { text: "getCookie('sessions') reads this cookie" },
      },
    ]);
  });

  it('the writeup opens with what must be done alongside the fix, and cites evidence in the table and detail', () => {
    const markdown = renderAnalysis(scanResult([readBack, behindProxy]), { mode: 'pr' });
    const blocks = markdown.split('\n\n');
    expect(blocks[1]).toBe(
      "- **Before merging (`connect.sid`):** The app looks like it runs behind a proxy but does not trust it: add `app.set('trust proxy', 1)` (trust proxy) so the framework sees HTTPS requests as secure.",
    );
    expect(markdown).toContain(
      '| `server/routes/teams.js:14` | Express | `sessions` | HttpOnly turned off | Needs a manual fix (evidence: `web/src/store.js:8`) |',
    );
    expect(markdown).toContain(
      "- **Evidence:** `web/src/store.js:8`: `getCookie('sessions')` reads this cookie.",
    );
    expect(markdown).toContain(
      "- `server/routes/teams.js:14`, `sessions` (Express): **needs a manual fix**. Browser code in this project uses the cookie, and HttpOnly would hide it from that code: `getCookie('sessions')` reads this cookie (web/src/store.js:8).",
    );
  });

  it('shows no before-merging line for a fix that was not made', () => {
    const markdown = renderAnalysis(scanResult([{ ...behindProxy, outcome: 'manual', changedFlags: [] }]), {
      mode: 'pr',
    });
    expect(markdown).not.toContain('Before merging');
  });
});
