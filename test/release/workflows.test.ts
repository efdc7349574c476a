// This repository's workflows and the workflow examples in the docs: what each workflow runs, and every
// third-party action pinned by a full commit SHA with its release in a comment, the same pin everywhere.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = new URL('../../', import.meta.url).pathname;
const WORKFLOWS = `${ROOT}.github/workflows/`;

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency?: { group: string };
  jobs: Record<string, { steps: Step[] }>;
}

const workflow = (name: string) => parse(readFileSync(`${WORKFLOWS}${name}`, 'utf8')) as Workflow;
const steps = (name: string) => Object.values(workflow(name).jobs).flatMap((job) => job.steps);

/** The YAML blocks of a Markdown file. */
function yamlBlocks(file: string): string[] {
  return [...readFileSync(`${ROOT}${file}`, 'utf8').matchAll(/```yaml\n([\s\S]*?)```/g)].map(
    (match) => match[1]!,
  );
}

/** Every `uses:` line of the workflows and of the docs' examples, as written. */
function usesLines(): Array<{ where: string; line: string }> {
  const sources = [
    ...readdirSync(WORKFLOWS).map((file) => ({
      where: `.github/workflows/${file}`,
      text: readFileSync(`${WORKFLOWS}${file}`, 'utf8'),
    })),
    ...['README.md', 'docs/faq.md'].flatMap((file) =>
      yamlBlocks(file).map((text) => ({ where: file, text })),
    ),
  ];
  return sources.flatMap(({ where, text }) =>
    text
      .split('\n')
      .filter((line) => /^\s*(- )?uses:/.test(line))
      .map((line) => ({ where, line: line.replace(/^\s*(- )?uses:\s*/, '') })),
  );
}

describe('workflow pins', () => {
  const lines = usesLines();

  it('pins every third-party action by full commit SHA with its release in a comment', () => {
    expect(lines.length).toBeGreaterThan(10);
    for (const { where, line } of lines) {
      // The action itself: this checkout in our workflows, its major tag in the examples (no release yet).
      if (line === './' || line === 'cookie-hardener/cookie-hardener@v0') continue;
      expect(line, where).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
    }
  });

  it('uses one pin per action everywhere', () => {
    const pins = new Map<string, Set<string>>();
    for (const { line } of lines) {
      const [action, pin] = line.split('@');
      if (!pin) continue;
      pins.set(action!, (pins.get(action!) ?? new Set()).add(pin));
    }
    for (const [action, seen] of pins) expect([...seen], action).toHaveLength(1);
    expect([...pins.keys()].sort()).toEqual([
      'actions/cache/restore',
      'actions/cache/save',
      'actions/checkout',
      'actions/create-github-app-token',
      'actions/download-artifact',
      'actions/setup-node',
      'actions/upload-artifact',
      'cookie-hardener/cookie-hardener',
      'github/codeql-action/upload-sarif',
    ]);
  });
});

describe('.github/workflows', () => {
  it('ci runs the same command as a local CI run', () => {
    expect(steps('ci.yml').map((step) => step.run ?? step.uses!.split('@')[0])).toEqual([
      'actions/checkout',
      'actions/setup-node',
      'bash .ci/run',
    ]);
    expect(workflow('ci.yml').permissions).toEqual({ contents: 'read' });
  });

  it('self-scan runs this checkout of the action in report mode', () => {
    const action = steps('self-scan.yml').find((step) => step.uses === './');
    expect(action?.with).toEqual({ mode: 'report', exclude: 'examples\ntest\n', 'fail-on': 'any' });
    expect(workflow('self-scan.yml').permissions).toEqual({ contents: 'read' });
  });

  it('release checks the tag and dist/, publishes the CHANGELOG section and moves the major tag', () => {
    const release = workflow('release.yml');
    expect(release.on).toEqual({ push: { tags: ['v*.*.*'] } });
    expect(release.permissions).toEqual({ contents: 'write' });
    const runs = steps('release.yml')
      .map((step) => step.run ?? '')
      .join('\n');
    expect(runs).toContain('bash scripts/check-dist.sh');
    expect(runs).toContain('node scripts/changelog-section.mjs "${TAG#v}" > "$RUNNER_TEMP/release-notes.md"');
    expect(runs).toContain('gh release create "$TAG" --verify-tag');
    expect(runs).toContain('git tag --force "$major" "$GITHUB_SHA"');
    expect(runs).toContain('git push --force origin "refs/tags/$major"');
  });
});

describe('org-sweep.yml', () => {
  const sweep = workflow('org-sweep.yml') as unknown as {
    on: Record<string, unknown>;
    jobs: Record<
      string,
      { if?: string; needs?: string[] | string; strategy?: Record<string, unknown>; steps: Step[] }
    >;
  };

  it('is reusable and dispatchable, and runs plan → sweep → aggregate', () => {
    expect(Object.keys(sweep.on).sort()).toEqual(['workflow_call', 'workflow_dispatch']);
    expect(Object.keys(sweep.jobs)).toEqual(['plan', 'sweep', 'aggregate']);
    const action = (job: string) =>
      sweep.jobs[job]!.steps.find((step) => step.uses?.startsWith('cookie-hardener/'));
    expect(action('plan')?.with?.mode).toBe('plan');
    expect(action('aggregate')?.with?.mode).toBe('aggregate');
  });

  it('lets no sweep stop the others, and uploads and aggregates every result, failed ones included', () => {
    const job = sweep.jobs.sweep!;
    expect(job.strategy).toMatchObject({
      'fail-fast': false,
      'max-parallel': '${{ fromJSON(needs.plan.outputs.max-parallel) }}',
      matrix: '${{ fromJSON(needs.plan.outputs.matrix) }}',
    });
    const action = job.steps.find((step) => step.uses?.startsWith('cookie-hardener/'));
    expect(action?.with).toMatchObject({
      repository: '${{ matrix.repository }}',
      'result-file': '${{ runner.temp }}/cookie-hardener-results/${{ matrix.name }}.json',
    });
    const upload = job.steps.find((step) => step.uses?.startsWith('actions/upload-artifact@')) as Step & {
      if?: string;
    };
    expect(upload.if).toBe('always()');
    expect(upload.with?.path).toBe(action?.with?.['result-file']);
    expect(sweep.jobs.aggregate!.if).toBe("always() && needs.plan.result == 'success'");
  });
});

describe('README workflow examples', () => {
  const blocks = yamlBlocks('README.md').map((text) => parse(text) as unknown);

  it('parse as YAML', () => {
    expect(blocks.length).toBeGreaterThan(5);
  });

  it('give the sweep a concurrency group, and the App token step where an App token is used', () => {
    const sweep = blocks.find((block) => (block as Workflow | null)?.jobs?.sweep) as Workflow;
    expect(sweep.concurrency?.group).toBe('cookie-hardener-sweep');
    // The App token variant is the sweep's `steps:` alone.
    const appSteps = blocks.find((block) => JSON.stringify(block).includes('create-github-app-token')) as {
      steps: Step[];
    };
    const [, token, action] = appSteps.steps;
    expect(token!.uses).toMatch(/^actions\/create-github-app-token@/);
    expect(action!.with!.token).toBe('${{ steps.app-token.outputs.token }}');
  });
});
