// The version 2 baseline text: entries sorted and one per line, repeats kept; a version 1 file or a broken
// entry stops the run with its line.
import { describe, expect, it } from 'vitest';
import { parseBaseline, renderBaseline } from '../../src/baseline/file.js';

const FILE = '.github/cookie-hardener-baseline.json';

describe('renderBaseline', () => {
  it('sorts entries by key then problems, sorts each problem list and keeps repeated entries', () => {
    const text = renderBaseline([
      { key: 'ffffffffffffffff', problems: ['secure-missing', 'httpOnly-missing'] },
      { key: '0000000000000000', problems: ['secure-missing'] },
      { key: 'ffffffffffffffff', problems: ['httpOnly-false'] },
      { key: '0000000000000000', problems: ['secure-missing'] },
    ]);
    expect(text).toBe(
      [
        '{',
        '  "version": 2,',
        '  "findings": [',
        '    { "key": "0000000000000000", "problems": ["secure-missing"] },',
        '    { "key": "0000000000000000", "problems": ["secure-missing"] },',
        '    { "key": "ffffffffffffffff", "problems": ["httpOnly-false"] },',
        '    { "key": "ffffffffffffffff", "problems": ["httpOnly-missing", "secure-missing"] }',
        '  ]',
        '}',
        '',
      ].join('\n'),
    );
    expect(parseBaseline(FILE, text)).toEqual([
      { key: '0000000000000000', problems: ['secure-missing'] },
      { key: '0000000000000000', problems: ['secure-missing'] },
      { key: 'ffffffffffffffff', problems: ['httpOnly-false'] },
      { key: 'ffffffffffffffff', problems: ['httpOnly-missing', 'secure-missing'] },
    ]);
  });

  it('writes an empty list when nothing is recorded', () => {
    expect(renderBaseline([])).toBe('{\n  "version": 2,\n  "findings": []\n}\n');
    expect(parseBaseline(FILE, renderBaseline([]))).toEqual([]);
  });
});

describe('parseBaseline', () => {
  it('names the file and line of what it cannot read', () => {
    const cases: Array<[string, string]> = [
      [
        '{\n  "version": 1,\n  "fingerprints": ["0123456789abcdef"]\n}\n',
        ':2: this baseline is version 1, an older format this cookie-hardener no longer reads: run `cookie-hardener baseline` again to rewrite it',
      ],
      // The version is read first even when it comes last: an old file gets the version message.
      [
        '{\n  "fingerprints": [],\n  "version": 1\n}\n',
        ':3: this baseline is version 1, an older format this cookie-hardener no longer reads: run `cookie-hardener baseline` again to rewrite it',
      ],
      [
        '{\n  "version": 3,\n  "findings": []\n}\n',
        ':2: `version` must be 2 (this cookie-hardener reads version 2; run `cookie-hardener baseline` again)',
      ],
      ['{\n  "findings": []\n}\n', ':1: `version` is missing'],
      ['{\n  "version": 2\n}\n', ':1: `findings` is missing'],
      ['{\n  "version": 2,\n  "findings": {}\n}\n', ':3: `findings` must be a list'],
      [
        '{\n  "version": 2,\n  "findings": [],\n  "fingerprints": []\n}\n',
        ':4: unknown key; known: version, findings',
      ],
      [
        '{\n  "version": 2,\n  "findings": [\n    "0123456789abcdef"\n  ]\n}\n',
        ':4: a finding must be an object with key and problems',
      ],
      [
        '{\n  "version": 2,\n  "findings": [\n    { "key": "0123456789ABCDEF", "problems": [] }\n  ]\n}\n',
        ":4: a finding's `key` must be 16 hex digits",
      ],
      [
        '{\n  "version": 2,\n  "findings": [\n    { "key": "0123456789abcdef",\n      "problems": "secure-missing" }\n  ]\n}\n',
        ":5: a finding's `problems` must be a list",
      ],
      [
        '{\n  "version": 2,\n  "findings": [\n    { "key": "0123456789abcdef", "problems": [\n      "secure missing"] }\n  ]\n}\n',
        ':5: a problem must be a name like `secure-missing`',
      ],
      [
        '{\n  "version": 2,\n  "findings": [\n    { "key": "0123456789abcdef" }\n  ]\n}\n',
        ':4: a finding has no `problems`',
      ],
      ['{\n  "version": 2,\n  "findings": [\n    { "problems": [] }\n  ]\n}\n', ':4: a finding has no `key`'],
      [
        '{\n  "version": 2,\n  "findings": [\n    { "key": "0123456789abcdef", "problems": [],\n      "line": 3 }\n  ]\n}\n',
        ':5: unknown key in a finding; known: key, problems',
      ],
      [
        '{\n  "version": 2,\n  "findings": [\n    { "key": "0123456789abcdef", "key": "0123456789abcdef", "problems": [] }\n  ]\n}\n',
        ':4: a key appears twice',
      ],
      ['{\n  "version": 2,\n  "findings": [],\n}\n', ':4: not valid JSON'],
      ['{\n  "version": 2,\n  "findings": [],\n  "version": 2\n}\n', ':4: a key appears twice'],
    ];
    for (const [text, message] of cases) {
      expect([text, errorOf(() => parseBaseline(FILE, text))]).toEqual([text, `${FILE}${message}`]);
    }
  });

  it('reads problem names it does not know: a later version may record more flags', () => {
    const text =
      '{\n  "version": 2,\n  "findings": [\n    { "key": "0123456789abcdef", "problems": ["sameSite-missing"] }\n  ]\n}\n';
    expect(parseBaseline(FILE, text)).toEqual([{ key: '0123456789abcdef', problems: ['sameSite-missing'] }]);
  });
});

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
}
