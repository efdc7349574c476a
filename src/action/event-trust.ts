// A `pull_request_target` run of a fork's pull request gets a token that can write to the base repository,
// and workflows often check out the pull request's head in it: code from anyone with a fork, run with that
// token. Posting a review or a pull request there publishes whatever that code makes us say, so by default
// such a run only reports; an input opts in for workflows that know what they check out.
import type { ActionInputs, Mode } from './inputs.js';
import { logWarning } from './log.js';

export interface ForkedTarget {
  head: string;
  base: string;
}

/** The fork and the base when this is a `pull_request_target` event of a fork's pull request. */
export function forkedPullRequestTarget(
  eventName: string | undefined,
  payload: Record<string, unknown>,
): ForkedTarget | null {
  if (eventName !== 'pull_request_target') return null;
  const pull = payload.pull_request as
    | { head?: { repo?: { full_name?: unknown } | null }; base?: { repo?: { full_name?: unknown } } }
    | undefined;
  const base = pull?.base?.repo?.full_name;
  const head = pull?.head?.repo?.full_name;
  if (typeof base !== 'string') return null;
  // A deleted fork leaves `head.repo` null: it was someone else's all the same.
  const headName = typeof head === 'string' ? head : '(deleted fork)';
  return headName === base ? null : { head: headName, base };
}

export function pullRequestTargetNote(target: ForkedTarget): string {
  return (
    `This pull_request_target run is for a pull request from the fork ${target.head} into ${target.base}: ` +
    "its token can write to the repository while the checked-out code may be the fork's, so cookie-hardener " +
    'only reports (annotations and job summary) and posts nothing. Use the two-workflow pattern from the ' +
    'README, or set `allow-pull-request-target: true` if this workflow checks out only trusted code.'
  );
}

/** The mode to run in: `report` for a fork's pull_request_target unless the input allows posting. */
export function guardPullRequestTarget<M extends Exclude<Mode, 'auto'>>(
  mode: M,
  inputs: Pick<ActionInputs, 'allowPullRequestTarget'>,
  eventName: string | undefined,
  payload: () => Record<string, unknown>,
): M | 'report' {
  if (mode === 'report' || inputs.allowPullRequestTarget) return mode;
  if (eventName !== 'pull_request_target') return mode;
  const target = forkedPullRequestTarget(eventName, payload());
  if (!target) return mode;
  logWarning(pullRequestTargetNote(target));
  return 'report';
}
