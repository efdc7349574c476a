// The baseline's "not valid JSON" names the line of the first mistake: the locator must agree with
// JSON.parse on what is valid, and point at the character where the text stops being JSON.
import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from '../../src/baseline/json-position.js';

describe('jsonErrorOffset', () => {
  it('finds nothing wrong in valid JSON', () => {
    for (const text of ['{}', ' [1, 2] ', '{"a":[1,-2.5e3,"x\\u00e9\\n",true,false,null]}', '"\\/"']) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(jsonErrorOffset(text)).toBeNull();
    }
  });

  it('points at the first character that makes the text invalid', () => {
    const cases: Array<[string, number]> = [
      ['[1,]', 3],
      ['{"a":1,}', 7],
      ['{"a" 1}', 5],
      ['"\\x"', 2],
      ['[01]', 2],
      ['-', 0],
      ['', 0],
      ['{', 1],
      ['[1 2]', 3],
      ['tru', 3],
      ['"a\nb"', 2],
      ['{"a":1}x', 7],
      ['"\\u12g4"', 5],
    ];
    for (const [text, offset] of cases) {
      expect(() => JSON.parse(text)).toThrow();
      expect([text, jsonErrorOffset(text)]).toEqual([text, offset]);
    }
  });

  it('stops at a nesting no baseline has instead of overflowing the stack', () => {
    expect(jsonErrorOffset(`${'['.repeat(100_000)}`)).toBe(64);
  });
});
