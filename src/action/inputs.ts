// action.yml inputs → the action's settings, parsed once. Every bad input is named in one failure message.
import type { Config } from '../config.js';
import { parseFlagEntries } from '../attributes.js';
import type { Attribute, SameSiteValue } from '../model.js';

export type Mode = 'auto' | 'pr' | 'review' | 'report';
export type FailOn = 'none' | 'weak' | 'any';

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
  draft: boolean;
  failOn: FailOn;
  sarifFile: string | null;
  configFile: string;
  dryRun: boolean;
  /** Post from a `pull_request_target` run of a fork's pull request (write token, fork's code possible). */
  allowPullRequestTarget: boolean;
}

export class InputError extends Error {
  override name = 'InputError';
}

/** `read(name)` returns the raw input ('' when unset), as `core.getInput` does. */
export function parseInputs(read: (name: string) => string): ActionInputs {
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
  const mode = choice<Mode>('mode', ['auto', 'pr', 'review', 'report'], 'auto');
  const failOn = choice<FailOn>('fail-on', ['none', 'weak', 'any'], 'none');
  const draft = boolean('draft');
  const dryRun = boolean('dry-run');
  const allowPullRequestTarget = boolean('allow-pull-request-target');

  // `flags: httpOnly, secure, sameSite=strict`, read entry by entry as the config file's `flags` list is.
  let flags: Attribute[] | null = null;
  let sameSite: SameSiteValue = 'lax';
  const flagList = splitList(read('flags'));
  if (flagList.length > 0) {
    const parsed = parseFlagEntries(flagList);
    if ('errors' in parsed) problems.push(...parsed.errors.map((error) => `input \`flags\`: ${error}`));
    else ({ flags, sameSite } = parsed);
  }

  const branch = read('branch').trim() || 'cookie-hardener/remediation';
  if (!isValidBranchName(branch)) problems.push(`input \`branch\` is not a valid branch name: "${branch}"`);
  const base = read('base').trim() || null;
  if (base !== null && !isValidBranchName(base))
    problems.push(`input \`base\` is not a valid branch name: "${base}"`);
  if (base !== null && base === branch) problems.push('inputs `base` and `branch` must differ');

  const sarifFile = read('sarif-file').trim() || null;
  if (sarifFile !== null && sarifFile.includes('\0'))
    problems.push('input `sarif-file` is not a usable path');

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
    draft,
    failOn,
    sarifFile,
    configFile: read('config-file').trim() || '.github/cookie-hardener.yml',
    dryRun,
    allowPullRequestTarget,
  };
}

/** Inputs take a list one per line or comma-separated. */
export function splitList(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter(Boolean);
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

/** The repository config with the inputs laid over it (inputs win where they are set). */
export function applyInputs(config: Config, inputs: ActionInputs): Config {
  return {
    ...config,
    paths: inputs.paths.length > 0 ? inputs.paths : config.paths,
    exclude: [...config.exclude, ...inputs.exclude],
    flags: inputs.flags ?? config.flags,
    sameSite: inputs.flags ? inputs.sameSite : config.sameSite,
  };
}
