// One `flags` syntax: every spelling the action input takes, the config file takes too (as a list entry), with
// the same result and the same error.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { applyInputs, InputError, parseInputs } from '../../src/action/inputs.js';
import { parseConfigFile } from '../../src/config-file.js';

function fromInput(flags: string) {
  try {
    const parsed = parseInputs((name) => (name === 'token' ? 't' : name === 'flags' ? flags : ''));
    return { flags: parsed.flags, sameSite: parsed.sameSite };
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return { error: (error as Error).message.replace(/^input `flags`: /, '') };
  }
}

function fromFile(flags: string) {
  try {
    const parsed = parseConfigFile('c.yml', `flags: [${flags}]\n`, []);
    return { flags: parsed.flags, sameSite: parsed.sameSite };
  } catch (error) {
    return { error: (error as Error).message.replace(/^c\.yml:1: /, '') };
  }
}

const CASES: Array<[string, ReturnType<typeof fromInput>]> = [
  ['secure', { flags: ['secure'], sameSite: 'lax' }],
  ['httpOnly, secure, sameSite', { flags: ['httpOnly', 'secure', 'sameSite'], sameSite: 'lax' }],
  ['httpOnly, secure, sameSite=strict', { flags: ['httpOnly', 'secure', 'sameSite'], sameSite: 'strict' }],
  ['secure, sameSite = Strict', { flags: ['secure', 'sameSite'], sameSite: 'strict' }],
  ['secure, sameSite: lax', { flags: ['secure', 'sameSite'], sameSite: 'lax' }],
  ['httpOnly=true, secure=false', { flags: ['httpOnly'], sameSite: 'lax' }],
  ['secure, sameSite=false', { flags: ['secure'], sameSite: 'lax' }],
  ['secure=false', { error: '`flags` must enforce at least one flag' }],
  ['secure, sameSite=none', { error: '`sameSite` must be lax, strict, true or false (got "none")' }],
  ['secure=yes', { error: '`secure` must be true or false (got "yes")' }],
  ['secure, samesyte=strict', { error: 'unknown flag `samesyte`: use httpOnly, secure or sameSite' }],
  ['secure, sameSite=', { error: '`sameSite=` has no value after "="' }],
];

describe('the flags syntax', () => {
  it.each(CASES)('`%s` reads the same in the action input and the config file', (flags, expected) => {
    expect(fromInput(flags)).toEqual(expected);
    expect(fromFile(flags)).toEqual(expected);
  });

  it('still takes the mapping form in the config file', () => {
    const parsed = parseConfigFile('c.yml', 'flags:\n  httpOnly: false\n  sameSite: strict\n', []);
    expect([parsed.flags, parsed.sameSite]).toEqual([['sameSite'], 'strict']);
  });
});

describe('the action with a config file', () => {
  it("keeps the file's flags when the workflow leaves the `flags` input at its default", () => {
    const action = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
      inputs: Record<string, { default?: string }>;
    };
    const inputs = parseInputs((name) => (name === 'token' ? 't' : (action.inputs[name]?.default ?? '')));
    const file = parseConfigFile('c.yml', 'flags: [secure, sameSite=strict]\n', []);
    const applied = applyInputs(file, inputs);
    expect([applied.flags, applied.sameSite]).toEqual([['secure', 'sameSite'], 'strict']);
  });
});
