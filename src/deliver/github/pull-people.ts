// The people a newly opened remediation pull request is handed to: requested reviewers and assignees. This
// happens once, when the pull request opens (later sweeps would otherwise re-request a review someone already
// gave, and put back a reviewer or assignee a maintainer removed). The pull request exists by then, so an
// account GitHub refuses is a warning naming it, never a failed run.
import { apiErrorOf, explainApiError } from './errors.js';
import { isSelf, type HostIdentity } from './identity.js';
import type { RepoHost } from './repo-host.js';

export interface PullPeople {
  reviewers: readonly string[];
  teamReviewers: readonly string[];
  assignees: readonly string[];
}

interface Log {
  info: (message: string) => void;
  warning: (message: string) => void;
}

export async function handPullRequestTo(
  host: RepoHost,
  number: number,
  people: PullPeople,
  identity: HostIdentity,
  log: Log,
): Promise<void> {
  await requestReviews(host, number, people, identity, log);
  await assign(host, number, people.assignees, log);
}

async function requestReviews(
  host: RepoHost,
  number: number,
  people: PullPeople,
  identity: HostIdentity,
  log: Log,
): Promise<void> {
  // GitHub answers 422 for the author, and that one refusal would cost every other reviewer their request.
  const users = people.reviewers.filter((login) => {
    if (!isAuthor(login, identity)) return true;
    log.warning(
      `@${login} opened #${number} (it is the token's account), and GitHub does not let an author review their own pull request; it was not asked.`,
    );
    return false;
  });
  const teams = people.teamReviewers;
  if (users.length + teams.length === 0) return;
  const names = [...users.map((login) => `@${login}`), ...teams.map((slug) => `team ${slug}`)];
  const refusal = await tryRequest(host, number, { users, teams });
  if (refusal === null) {
    log.info(`Asked ${names.join(', ')} to review #${number}.`);
    return;
  }
  if (refusal.status !== 422 || names.length === 1) {
    log.warning(reviewWarning(names.join(', '), number, refusal));
    return;
  }
  // One name GitHub cannot resolve fails the whole request: ask each on its own, so the rest are still asked.
  const asked: string[] = [];
  const single = [
    ...users.map((login) => ({ name: `@${login}`, users: [login], teams: [] })),
    ...teams.map((slug) => ({ name: `team ${slug}`, users: [], teams: [slug] })),
  ];
  for (const one of single) {
    const failed = await tryRequest(host, number, one);
    if (failed === null) asked.push(one.name);
    else log.warning(reviewWarning(one.name, number, failed));
  }
  if (asked.length > 0) log.info(`Asked ${asked.join(', ')} to review #${number}.`);
}

type Refusal = { status: number; text: string };

/** null when GitHub took the request; GitHub's refusal otherwise. Anything that is not an API answer throws. */
async function tryRequest(
  host: RepoHost,
  number: number,
  reviewers: { users: readonly string[]; teams: readonly string[] },
): Promise<Refusal | null> {
  try {
    await host.requestReviewers(number, reviewers);
    return null;
  } catch (error) {
    const api = apiErrorOf(error);
    if (!api) throw error;
    return {
      status: api.status,
      text:
        api.status === 422
          ? `GitHub answered: "${api.message}"`
          : explainApiError(api, `ask for reviews on #${number}`),
    };
  }
}

function reviewWarning(names: string, number: number, refusal: Refusal): string {
  return `Could not ask ${names} to review #${number}. ${refusal.text} The pull request is open without that review request.`;
}

async function assign(host: RepoHost, number: number, logins: readonly string[], log: Log): Promise<void> {
  if (logins.length === 0) return;
  let assigned: string[];
  try {
    assigned = await host.addAssignees(number, logins);
  } catch (error) {
    const api = apiErrorOf(error);
    if (!api) throw error;
    log.warning(
      `Could not assign #${number} to ${logins.map((login) => `@${login}`).join(', ')}. ${explainApiError(api, `assign #${number}`)}`,
    );
    return;
  }
  const held = new Set(assigned.map((login) => login.toLowerCase()));
  const dropped = logins.filter((login) => !held.has(login.toLowerCase()));
  const kept = logins.filter((login) => held.has(login.toLowerCase()));
  if (kept.length > 0) log.info(`Assigned #${number} to ${kept.map((login) => `@${login}`).join(', ')}.`);
  if (dropped.length > 0) {
    log.warning(
      `GitHub did not assign #${number} to ${dropped.map((login) => `@${login}`).join(', ')}: it assigns only accounts with access to the repository and drops others without an error.`,
    );
  }
}

/** Logins compare without case; the id is left out because a login typed into an input has none. */
function isAuthor(login: string, identity: HostIdentity): boolean {
  return isSelf({ login }, { login: identity.login, id: null });
}
