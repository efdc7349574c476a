// Verification withholds only the edits that fail it: the other fixes in the same file are kept.
import { describe, expect, it } from 'vitest';
import { identityOf, withholdFailing, type Verification } from '../../src/fix/withhold.js';
import type { Edit, Finding } from '../../src/model.js';
import { finding } from '../report/scan-results.js';

function planned(cookie: string, edits: Edit[]): { finding: Finding; edits: Edit[] } {
  return {
    finding: finding({ cookie, file: 'app.js', problems: ['secure-missing'], fingerprint: cookie, edits }),
    edits,
  };
}

const edit = (start: number, text = ', secure: true'): Edit => ({ file: 'app.js', start, end: start, text });

/** A verifier that rejects the file whenever one of the `bad` offsets is among the edits, and logs each call. */
function verifier(bad: readonly number[]) {
  const calls: Array<{ starts: number[]; tolerated: Array<[string, number]> }> = [];
  const verify = (edits: readonly Edit[], tolerated: ReadonlyMap<string, number>): Verification => {
    const starts = edits.map((item) => item.start).sort((a, b) => a - b);
    calls.push({ starts, tolerated: [...tolerated] });
    const failing = edits.some((item) => bad.includes(item.start));
    return {
      changes: failing ? [] : [{ file: 'app.js', before: 'x', after: starts.join(','), edits: [...edits] }],
      failures: failing ? new Map([['app.js', 'the edited file has new syntax errors']]) : new Map(),
    };
  };
  return { verify, calls };
}

describe('withholdFailing', () => {
  it('keeps every edit when the first verification passes, in one call', () => {
    const { verify, calls } = verifier([]);
    const result = withholdFailing([planned('a', [edit(10)]), planned('b', [edit(20)])], verify);
    expect(result.withheld).toEqual(new Map());
    expect(result.changes.map((change) => change.after)).toEqual(['10,20']);
    expect(calls).toHaveLength(1);
  });

  it('withholds only the finding whose edit fails, keeping the others in the same file', () => {
    const { verify } = verifier([30]);
    const plan = [
      planned('a', [edit(10)]),
      planned('b', [edit(20)]),
      planned('c', [edit(30)]),
      planned('d', [edit(40)]),
    ];
    const result = withholdFailing(plan, verify);
    expect(result.withheld).toEqual(new Map([[2, 'the edited file has new syntax errors']]));
    expect(result.changes.map((change) => change.after)).toEqual(['10,20,40']);
  });

  it('tells the verifier which unfixed findings a second pass may still see', () => {
    const { verify, calls } = verifier([20]);
    withholdFailing([planned('a', [edit(10)]), planned('b', [edit(20)])], verify);
    expect(calls.at(-1)).toEqual({
      starts: [10],
      tolerated: [
        [
          identityOf({
            ruleId: 'express-res-cookie',
            file: 'app.js',
            cookie: 'b',
            problems: ['secure-missing'],
          }),
          1,
        ],
      ],
    });
  });

  it('withholds findings that share an edit together', () => {
    const shared = edit(50);
    const { verify } = verifier([50]);
    const result = withholdFailing(
      [planned('a', [shared]), planned('b', [shared]), planned('c', [edit(60)])],
      verify,
    );
    expect([...result.withheld.keys()]).toEqual([0, 1]);
    expect(result.changes.map((change) => change.after)).toEqual(['60']);
  });

  it('withholds several failing findings and nothing else', () => {
    const { verify } = verifier([10, 40, 70]);
    const plan = [10, 20, 30, 40, 50, 60, 70, 80].map((start) => planned(`c${start}`, [edit(start)]));
    const result = withholdFailing(plan, verify);
    expect([...result.withheld.keys()].sort()).toEqual([0, 3, 6]);
    expect(result.changes.map((change) => change.after)).toEqual(['20,30,50,60,80']);
  });
});
