// The organisation sweep's GitHub calls: what the App installation reaches, a default branch's commit, and
// the central repository's tracking issue. Built on the same client as every other delivery, so primary and
// secondary rate limits are waited out (with a warning) rather than failing the job.
import type { ListedRepository } from '../../org/plan.js';
import { createGitHubClient, type ClientOptions, type GitHubClient } from './client.js';
import { learnIdentity, type HostIdentity } from './identity.js';

export interface HostIssue {
  number: number;
  url: string;
  state: 'open' | 'closed';
  title: string;
  body: string;
  author: { login: string | null; id: number | null; type: string | null };
}

export interface OrgHost {
  identity(): Promise<HostIdentity>;
  /** Every repository the installation token reaches (GET /installation/repositories, 100 a page). */
  installationRepositories(): Promise<ListedRepository[]>;
  /** The commit a branch points at; null when the branch or repository is gone. */
  branchCommit(fullName: string, branch: string): Promise<string | null>;
  /** Plain issues (pull requests left out) of a repository opened by `creator`, open and closed. */
  issuesBy(owner: string, repo: string, creator: string): Promise<HostIssue[]>;
  createIssue(owner: string, repo: string, title: string, body: string): Promise<HostIssue>;
  updateIssueBody(owner: string, repo: string, number: number, body: string): Promise<void>;
}

export interface OrgHostOptions extends ClientOptions {
  graphqlUrl?: string;
}

export function createGitHubOrgHost(options: OrgHostOptions): OrgHost {
  return new OctokitOrgHost(createGitHubClient(options), options);
}

class OctokitOrgHost implements OrgHost {
  private identityLookup: Promise<HostIdentity> | null = null;

  constructor(
    private readonly github: GitHubClient,
    private readonly options: OrgHostOptions,
  ) {}

  identity(): Promise<HostIdentity> {
    // Installation tokens are refused by GET /user; GraphQL's viewer names every kind of token.
    this.identityLookup ??= learnIdentity({
      viewer: async () =>
        (
          await this.github.graphql<{ viewer?: { login?: unknown; databaseId?: unknown } | null }>({
            query: 'query { viewer { login databaseId } }',
            ...(this.options.graphqlUrl ? { url: this.options.graphqlUrl } : {}),
          })
        ).viewer,
      user: async () => (await this.github.rest.users.getAuthenticated()).data,
    });
    return this.identityLookup;
  }

  async installationRepositories(): Promise<ListedRepository[]> {
    const repositories = await this.github.paginate(this.github.rest.apps.listReposAccessibleToInstallation, {
      per_page: 100,
    });
    return repositories.map((repository) => ({
      fullName: repository.full_name,
      defaultBranch: repository.default_branch,
      archived: repository.archived,
      fork: repository.fork,
      topics: repository.topics ?? [],
      language: repository.language ?? null,
      pushedAt: repository.pushed_at ?? null,
    }));
  }

  async branchCommit(fullName: string, branch: string): Promise<string | null> {
    const [owner = '', repo = ''] = fullName.split('/');
    try {
      const { data } = await this.github.rest.repos.listCommits({ owner, repo, sha: branch, per_page: 1 });
      return data[0]?.sha ?? null;
    } catch (error) {
      // Gone, emptied or renamed since the listing: the sweep decides what it is.
      if ([404, 409].includes((error as { status?: number }).status ?? 0)) return null;
      throw error;
    }
  }

  async issuesBy(owner: string, repo: string, creator: string): Promise<HostIssue[]> {
    const issues = await this.github.paginate(this.github.rest.issues.listForRepo, {
      owner,
      repo,
      creator,
      state: 'all',
      per_page: 100,
    });
    return issues.filter((issue) => issue.pull_request === undefined).map(toHostIssue);
  }

  async createIssue(owner: string, repo: string, title: string, body: string): Promise<HostIssue> {
    const { data } = await this.github.rest.issues.create({ owner, repo, title, body });
    return toHostIssue(data);
  }

  async updateIssueBody(owner: string, repo: string, number: number, body: string): Promise<void> {
    await this.github.rest.issues.update({ owner, repo, issue_number: number, body });
  }
}

function toHostIssue(issue: {
  number: number;
  html_url: string;
  state: string;
  title: string;
  body?: string | null;
  user: { login?: string; id?: number; type?: string } | null;
}): HostIssue {
  return {
    number: issue.number,
    url: issue.html_url,
    state: issue.state === 'closed' ? 'closed' : 'open',
    title: issue.title,
    body: issue.body ?? '',
    author: { login: issue.user?.login ?? null, id: issue.user?.id ?? null, type: issue.user?.type ?? null },
  };
}
