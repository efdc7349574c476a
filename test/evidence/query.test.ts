import { describe, expect, it } from 'vitest';
import { emptyEvidenceData, makeEvidence } from '../../src/evidence/query.js';
import { emptyEvidence } from '../../src/evidence/types.js';
import type { EvidenceData } from '../../src/evidence/types.js';

describe('evidence queries', () => {
  it('answers "nothing seen" on an empty index, and unknown for frameworks', () => {
    const evidence = emptyEvidence();
    expect([
      evidence.readersOf('sid'),
      evidence.plainHttpNear('app.py', 10, 'sid'),
      evidence.transportSwitchFor('app.py'),
      evidence.proxyTrust(),
      evidence.proxyTrust('express'),
      evidence.proxyHints(),
      evidence.optionalTls(),
      evidence.moot('django-csrf'),
      evidence.uses('express'),
    ]).toEqual([[], [], [], [], [], [], [], [], 'unknown']);
  });

  it('scopes plain-HTTP facts to the project, a file, a range of a file, or a cookie name', () => {
    const data: EvidenceData = {
      ...emptyEvidenceData(),
      plainHttp: [
        { file: 'bin/serve.js', line: 2, fact: 'p', kind: 'http-only-server', scope: { kind: 'project' } },
        { file: 'settings/prod.py', line: 3, fact: 'f', kind: 'ssl-redirect-off', scope: { kind: 'file' } },
        {
          file: 'app.js',
          line: 5,
          fact: 'n',
          kind: 'comment',
          scope: { kind: 'near', start: 100, end: 200 },
        },
        { file: 'app.js', line: 9, fact: 't', kind: 'insecure-twin', scope: { kind: 'cookie', name: 'sid' } },
      ],
    };
    const evidence = makeEvidence(data);
    const facts = (file: string, offset: number, name?: string) =>
      evidence.plainHttpNear(file, offset, name).map((fact) => fact.fact);
    expect(facts('settings/prod.py', 0)).toEqual(['f', 'p']);
    expect(facts('app.js', 150)).toEqual(['n', 'p']);
    expect(facts('app.js', 200)).toEqual(['p']);
    expect(facts('app.js', 99, 'sid')).toEqual(['t', 'p']);
    expect(facts('other.js', 0, 'sid-unsecure')).toEqual(['t', 'p']);
    expect(facts('other.js', 0, 'token')).toEqual(['p']);
  });

  it('says no for a framework only when a manifest of its language was read', () => {
    const data: EvidenceData = {
      ...emptyEvidenceData(),
      frameworks: [{ file: 'package.json', line: 3, fact: 'f', framework: 'express', source: 'manifest' }],
      manifestsRead: { javascript: true, python: false },
    };
    const evidence = makeEvidence(data);
    expect([
      evidence.uses('express'),
      evidence.uses('koa'),
      evidence.uses('flask'),
      evidence.uses('made-up'),
    ]).toEqual(['yes', 'no', 'unknown', 'unknown']);
  });

  it('orders transport switches used in the file first, and keeps to its language', () => {
    const entry = (name: string, file: string, language: 'javascript' | 'python') => ({
      name,
      expression: name,
      language,
      uses: [{ file, line: 1, fact: '' }],
      definition: null,
      default: 'unknown' as const,
      forcedOn: null,
    });
    const evidence = makeEvidence({
      ...emptyEvidenceData(),
      switches: [
        entry('A', 'a.js', 'javascript'),
        entry('B', 'b.js', 'javascript'),
        entry('C', 'c.py', 'python'),
      ],
    });
    expect(evidence.transportSwitchFor('b.js').map((found) => found.name)).toEqual(['B', 'A']);
    expect(evidence.transportSwitchFor('x.py').map((found) => found.name)).toEqual(['C']);
  });
});
