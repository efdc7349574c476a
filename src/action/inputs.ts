// action.yml inputs → the action's settings, parsed once. Every bad input is named in one failure message.
import type { Config } from '../config.js';
import { parseFlagEntries } from '../attributes.js';
import type { Attribute, SameSiteValue } from '../model.js';
import { unusableUrl } from '../verify/deployment.js';

export type Mode = 'auto' | 'pr' | 'review' | 'report' | 'verify' | 'plan' | 'aggregate';
/** What `mode` accepts. `plan` and `aggregate` are the organisation sweep's first and last jobs. */
export const MODES: readonly Mode[] = ['auto', 'pr', 'review', 'report', 'verify', 'plan', 'aggregate'];
export type FailOn = 'none' | 'weak' | 'any';
/** What `fail-on` (the action input, the CLI's `--fail-on`) accepts. */
export const FAIL_ON_VALUES: readonly FailOn[] = ['none', 'weak', 'any'];

export interface ActionInputs {
  token: string;
  mode: Mode;
  /** Overrides for the repository config file; empty means "as the file says". */
  paths: string[];
  exclude: string[];
  flags: Attribute[] | null;
  sameSite: SameSiteValue;
  branch: string;
  base: string | null;
  labels: string[];
  /** The remediation pull request's title; null keeps the tool's own. */
  title: string | null;
  /** The commit's first line, or a conventional-commit prefix (ends with `:`); null keeps the default. */
  commitMessage: string | null;
  /** Logins asked to review a newly opened remediation pull request (never re-asked on later sweeps). */
  reviewers: string[];
  /** Team slugs of the repository's organisation, asked alongside `reviewers`. */
  teamReviewers: string[];
  /** Logins assigned to a newly opened remediation pull request. */
  assignees: string[];
  draft: boolean;
  failOn: FailOn;
  sarifFile: string | null;
  configFile: string;
  dryRun: boolean;
  /** Post from a `pull_request_target` run of a fork's pull request (write token, fork's code possible). */
  allowPullRequestTarget: boolean;
  /** The deployment `verify` checks when the event names none (absolute http(s), no credentials). */
  verifyUrl: string | null;
  /** The scenario file, relative to the workspace; null: the default file when it exists. */
  verifyScenario: string | null;
  /**
   * The repository the workspace is a checkout of, when it is not the workflow's own (an organisation
   * sweep's job checks out another repository); null: GITHUB_REPOSITORY.
   */
  repository: string | null;
  /** `pr` / `report`: where to write the sweep result JSON the aggregate job reads; null: none. */
  resultFile: string | null;
  /** The organisation sweep's plan and aggregate settings. */
  org: OrgSweepInputs;
}

export interface OrgSweepInputs {
  /** The organisation swept; null: the workflow repository's owner. */
  organization: string | null;
  repositories: string[];
  topics: string[];
  languages: string[];
  includeArchived: boolean;
  includeForks: boolean;
  /** Repositories one run sweeps at most (one matrix: GitHub's limit is 256 jobs). */
  maxRepositories: number;
  /** Sweep jobs at once (the matrix's `max-parallel`). */
  maxParallel: number;
  /** The state the plan resumes from and the aggregate writes for the next run; null: none. */
  stateFile: string | null;
  /** The plan, written by `plan` and read by `aggregate`. */
  planFile: string | null;
  /** The folder of sweep results (`aggregate`). */
  resultsDir: string | null;
  /** Where `aggregate` writes dashboard.md and dashboard.csv; null: nowhere but the job summary. */
  dashboardDir: string | null;
  /** The tracking issue's title in the workflow's repository; null: no issue. */
  trackingIssue: string | null;
}

export class InputError extends Error {
  override name = 'InputError';
}

/** GitHub refuses longer pull request titles ("title is too long (maximum is 256 characters)"). */
const MAX_TITLE = 256;
/** The assignees endpoint adds at most ten. */
const MAX_ASSIGNEES = 10;

/**
 * `read(name)` returns the raw input ('' when unset), as `core.getInput` does. `owner` is the repository's
 * owner when known: a team named `org/slug` must belong to it.
 */
export function parseInputs(read: (name: string) => string, owner?: string): ActionInputs {
  const problems: string[] = [];
  const choice = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = read(name).trim().toLowerCase() || fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    problems.push(`input \`${name}\` must be one of ${allowed.join(', ')} (got "${read(name).trim()}")`);
    return fallback;
  };
  const boolean = (name: string): boolean => {
    const value = read(name).trim().toLowerCase();
    if (value === '' || value === 'false') return false;
    if (value === 'true') return true;
    problems.push(`input \`${name}\` must be true or false (got "${read(name).trim()}")`);
    return false;
  };

  const token = read('token').trim();
  const mode = choice<Mode>('mode', MODES, 'auto');
  const failOn = choice<FailOn>('fail-on', FAIL_ON_VALUES, 'none');
  const draft = boolean('draft');
  const dryRun = boolean('dry-run');
  const allowPullRequestTarget = boolean('allow-pull-request-target');

  const { flags, sameSite, problems: flagProblems } = parseFlagsList(read('flags'));
  problems.push(...flagProblems.map((problem) => `input \`flags\`: ${problem}`));

  const branch = read('branch').trim() || 'cookie-hardener/remediation';
  if (!isValidBranchName(branch)) problems.push(`input \`branch\` is not a valid branch name: "${branch}"`);
  const base = read('base').trim() || null;
  if (base !== null && !isValidBranchName(base))
    problems.push(`input \`base\` is not a valid branch name: "${base}"`);
  if (base !== null && base === branch) problems.push('inputs `base` and `branch` must differ');

  const title = oneLine('title', read('title'), problems);
  if (title !== null && [...title].length > MAX_TITLE)
    problems.push(
      `input \`title\` is too long: GitHub allows ${MAX_TITLE} characters (got ${[...title].length})`,
    );
  const commitMessage = oneLine('commit-message', read('commit-message'), problems);
  const reviewers = accounts('reviewers', read('reviewers'), problems);
  const teamReviewers = teams(read('team-reviewers'), owner, problems);
  const assignees = accounts('assignees', read('assignees'), problems);
  if (assignees.length > MAX_ASSIGNEES)
    problems.push(
      `input \`assignees\` names ${assignees.length} accounts; GitHub assigns at most ${MAX_ASSIGNEES}`,
    );

  const sarifFile = read('sarif-file').trim() || null;
  if (sarifFile !== null && sarifFile.includes('\0'))
    problems.push('input `sarif-file` is not a usable path');

  const verifyUrl = read('verify-url').trim() || null;
  const badUrl = verifyUrl === null ? null : unusableUrl(verifyUrl);
  // The URL itself is not repeated: it may be the one carrying a password.
  if (badUrl !== null) problems.push(`input \`verify-url\` cannot be verified: ${badUrl}`);
  const verifyScenario = read('verify-scenario').trim() || null;
  if (verifyScenario !== null && (verifyScenario.includes('\0') || /[\r\n]/.test(verifyScenario)))
    problems.push('input `verify-scenario` is not a usable path');

  const repository = read('repository').trim() || null;
  if (
    repository !== null &&
    (!/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/.test(repository) || /\/\.\.?$/.test(repository))
  )
    problems.push(`input \`repository\` must be owner/name (got "${repository}")`);
  const resultFile = path('result-file', read, problems);
  const org = orgInputs(read, problems, boolean, mode);

  if (!token && mode !== 'report') {
    problems.push(
      'input `token` is empty: pass `token: ${{ github.token }}` or an App token (`mode: report` needs none)',
    );
  }
  if (problems.length > 0) throw new InputError(problems.join('; '));
  return {
    token,
    mode,
    paths: splitList(read('paths')),
    exclude: splitList(read('exclude')),
    flags,
    sameSite,
    branch,
    base,
    labels: splitList(read('labels')),
    title,
    commitMessage,
    reviewers,
    teamReviewers,
    assignees,
    draft,
    failOn,
    sarifFile,
    configFile: read('config-file').trim() || '.github/cookie-hardener.yml',
    dryRun,
    allowPullRequestTarget,
    verifyUrl: badUrl === null ? verifyUrl : null,
    verifyScenario,
    repository,
    resultFile,
    org,
  };
}

/** GitHub refuses a matrix that would make more jobs than this in one run. */
const MATRIX_LIMIT = 256;

function orgInputs(
  read: (name: string) => string,
  problems: string[],
  boolean: (name: string) => boolean,
  mode: Mode,
): OrgSweepInputs {
  const count = (name: string, fallback: number, max: number): number => {
    const raw = read(name).trim();
    if (raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1 || value > max) {
      problems.push(`input \`${name}\` must be a whole number from 1 to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const organization = read('organization').trim() || null;
  if (organization !== null && !/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(organization))
    problems.push(`input \`organization\` is not an organisation login: "${organization}"`);
  const org: OrgSweepInputs = {
    organization,
    repositories: splitList(read('repositories')),
    topics: splitList(read('topics')),
    languages: splitList(read('languages')),
    includeArchived: boolean('include-archived'),
    includeForks: boolean('include-forks'),
    maxRepositories: count('max-repositories', MATRIX_LIMIT, MATRIX_LIMIT),
    maxParallel: count('max-parallel', 20, MATRIX_LIMIT),
    stateFile: path('state-file', read, problems),
    planFile: path('plan-file', read, problems),
    resultsDir: path('results-dir', read, problems),
    dashboardDir: path('dashboard-dir', read, problems),
    trackingIssue: oneLine('tracking-issue', read('tracking-issue'), problems),
  };
  if (mode === 'aggregate' && (org.planFile === null || org.resultsDir === null))
    problems.push(
      "`mode: aggregate` needs `plan-file` (the plan job's) and `results-dir` (the sweep results)",
    );
  return org;
}

/** A path input: null when empty; a NUL or a line break is a problem. */
function path(name: string, read: (name: string) => string, problems: string[]): string | null {
  const value = read(name).trim() || null;
  if (value !== null && (value.includes('\0') || /[\r\n]/.test(value))) {
    problems.push(`input \`${name}\` is not a usable path`);
    return null;
  }
  return value;
}

/**
 * `flags` as the action input and the CLI's `--flags` take it: `httpOnly, secure, sameSite` or
 * `sameSite=strict`. Empty text leaves the config file's flags (null); each bad item is one problem.
 */
export function parseFlagsList(text: string): {
  flags: Attribute[] | null;
  sameSite: SameSiteValue;
  problems: string[];
} {
  const items = splitList(text);
  if (items.length === 0) return { flags: null, sameSite: 'lax', problems: [] };
  // Read entry by entry as the config file's `flags` list is: one syntax everywhere.
  const parsed = parseFlagEntries(items);
  if ('errors' in parsed) return { flags: null, sameSite: 'lax', problems: parsed.errors };
  return { ...parsed, problems: [] };
}

/** Inputs take a list one per line or comma-separated. */
export function splitList(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** A one-line text input: null when empty; a line break is a problem (titles and subjects are one line). */
function oneLine(name: string, raw: string, problems: string[]): string | null {
  const value = raw.trim();
  if (value === '') return null;
  if (/[\r\n]/.test(value)) {
    problems.push(`input \`${name}\` must be one line`);
    return null;
  }
  return value;
}

/**
 * A GitHub login: letters, digits, hyphens (and the underscore of Enterprise Managed Users' logins), with
 * `[bot]` for apps that can be asked to review. A leading `@` is how people write them, so it is dropped.
 */
const LOGIN = /^[A-Za-z0-9][A-Za-z0-9_-]*(?:\[bot\])?$/;
/** A team: its slug, optionally after its organisation (`org/slug`, as mentions write it). */
const TEAM = /^(?:([A-Za-z0-9][A-Za-z0-9_-]*)\/)?([A-Za-z0-9][A-Za-z0-9_.-]*)$/;

/** Logins from a list input, without `@` and without repeats (GitHub compares logins without case). */
function accounts(name: string, raw: string, problems: string[]): string[] {
  const found = new Map<string, string>();
  for (const item of splitList(raw)) {
    const login = item.replace(/^@/, '');
    if (!LOGIN.test(login)) {
      const hint = login.includes('/') && name === 'reviewers' ? ' (teams go in `team-reviewers`)' : '';
      problems.push(`input \`${name}\`: "${item}" is not a GitHub login${hint}`);
      continue;
    }
    if (!found.has(login.toLowerCase())) found.set(login.toLowerCase(), login);
  }
  return [...found.values()];
}

/** Team slugs; GitHub's API takes the slug alone, so an `org/` part is checked against the owner and dropped. */
function teams(raw: string, owner: string | undefined, problems: string[]): string[] {
  const found = new Map<string, string>();
  for (const item of splitList(raw)) {
    const match = TEAM.exec(item.replace(/^@/, ''));
    if (!match) {
      problems.push(`input \`team-reviewers\`: "${item}" is not a team slug`);
      continue;
    }
    const [, org, slug] = match as unknown as [string, string | undefined, string];
    if (org !== undefined && owner !== undefined && org.toLowerCase() !== owner.toLowerCase()) {
      problems.push(
        `input \`team-reviewers\`: "${item}" is a team of ${org}; only teams of ${owner}, the repository's owner, can review`,
      );
      continue;
    }
    if (!found.has(slug.toLowerCase())) found.set(slug.toLowerCase(), slug);
  }
  return [...found.values()];
}

/** git check-ref-format, the parts that matter for names people type. */
export function isValidBranchName(name: string): boolean {
  return (
    name.length > 0 &&
    // git refuses control characters in ref names, as it does spaces and ~^:?*[\
    // eslint-disable-next-line no-control-regex
    !/[\s~^:?*[\\\x00-\x1f\x7f]/.test(name) &&
    !name.startsWith('/') &&
    !name.endsWith('/') &&
    !name.endsWith('.') &&
    !name.endsWith('.lock') &&
    !name.includes('..') &&
    !name.includes('//') &&
    !name.includes('@{') &&
    !name.split('/').some((part) => part.startsWith('.'))
  );
}

/** The settings the action inputs and the CLI options can lay over the repository config. */
export type ConfigOverrides = Pick<ActionInputs, 'paths' | 'exclude' | 'flags' | 'sameSite'>;

/** The repository config with the inputs laid over it (inputs win where they are set). */
export function applyInputs(config: Config, inputs: ConfigOverrides): Config {
  return {
    ...config,
    paths: inputs.paths.length > 0 ? inputs.paths : config.paths,
    exclude: [...config.exclude, ...inputs.exclude],
    flags: inputs.flags ?? config.flags,
    sameSite: inputs.flags ? inputs.sameSite : config.sameSite,
  };
}
