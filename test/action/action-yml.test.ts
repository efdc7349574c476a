// action.yml is what GitHub reads: it must parse, and its inputs and outputs must be the ones the code uses.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { expect, it } from 'vitest';
import { parseInputs } from '../../src/action/inputs.js';

const ROOT = new URL('../../', import.meta.url).pathname;

interface ActionMetadata {
  name: string;
  description: string;
  branding: { icon: string; color: string };
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
}

const metadata = parse(readFileSync(`${ROOT}action.yml`, 'utf8')) as ActionMetadata;

it('runs the bundled entry on node24 and has Marketplace branding', () => {
  expect(metadata.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  expect(metadata.branding).toEqual({ icon: 'shield', color: 'green' });
});

it('declares exactly the inputs the action reads, each documented in the README', () => {
  const read: string[] = [];
  parseInputs((name) => {
    read.push(name);
    return name === 'token' ? 't' : '';
  });
  expect(Object.keys(metadata.inputs).sort()).toEqual([...new Set(read)].sort());
  const readme = readFileSync(`${ROOT}README.md`, 'utf8');
  for (const [name, input] of Object.entries(metadata.inputs)) {
    expect(input.description.length, name).toBeGreaterThan(10);
    expect(readme, name).toContain(`| \`${name}\` |`);
  }
});

it('declares the outputs the action sets', () => {
  expect(Object.keys(metadata.outputs).sort()).toEqual([
    'count',
    'csv-file',
    'dashboard-file',
    'deferred',
    'failed',
    'findings',
    'fixed',
    'matrix',
    'max-parallel',
    'plan-file',
    'pull-request-number',
    'pull-request-operation',
    'pull-request-url',
    'sarif-file',
    'skipped',
    'state-file',
    'tracking-issue-number',
    'tracking-issue-url',
  ]);
});
