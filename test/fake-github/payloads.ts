// Turns the fake's records into the JSON GitHub returns. Every builder fills all the fields the OpenAPI
// description marks as required (the server checks each response against it), with the URL templates and
// null placeholders GitHub itself uses, so code written against Octokit's types sees what it expects.

import type { CommitObject, FileChange, GitIdentity, TreeEntry } from './git-store.js';
import type {
  FakeTeam,
  FakeUser,
  IssueCommentRecord,
  IssueRecord,
  LabelRecord,
  PullRecord,
  ReviewCommentRecord,
  ReviewRecord,
  Verification,
} from './records.js';

/** GitHub's timestamp format: ISO 8601 in UTC without milliseconds. */
export function isoTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface RepositoryIdentity {
  /** The fake's base URL, standing in for https://api.github.com. */
  apiUrl: string;
  /** Where html_url links point (GitHub's web host). */
  webUrl: string;
  owner: FakeUser;
  repo: string;
  repoId: number;
  defaultBranch: string;
  createdAt: string;
  /** What the organisation listing filters on; absent means a public, active, original repository. */
  archived?: boolean;
  fork?: boolean;
  private?: boolean;
  topics?: string[];
  language?: string | null;
}

/** Statistics only the single-pull-request endpoints return. */
export interface PullStats {
  mergeable: boolean | null;
  mergeableState: string;
  commits: number;
  additions: number;
  deletions: number;
  changedFiles: number;
  comments: number;
  reviewComments: number;
}

/** Where a review comment sits against the pull request's current head. */
export interface CommentAnchor {
  line: number | null;
  startLine: number | null;
  position: number | null;
  commitId: string;
}

export class Payloads {
  /** Reads `identity` on every use: the API URL is only known once the server listens. */
  constructor(private readonly id: RepositoryIdentity) {}

  get ownerLogin(): string {
    return this.id.owner.login;
  }
  get fullName(): string {
    return `${this.id.owner.login}/${this.id.repo}`;
  }
  get repoApi(): string {
    return `${this.id.apiUrl}/repos/${this.fullName}`;
  }
  get repoWeb(): string {
    return `${this.id.webUrl}/${this.fullName}`;
  }
  /** The repository's GraphQL node id (`repositoryId` in mutations). */
  get repoNodeId(): string {
    return this.nodeId('R', this.id.repoId);
  }

  nodeId(prefix: string, id: number): string {
    return `${prefix}_fake${id.toString(36).padStart(8, '0')}`;
  }

  user(user: FakeUser): Record<string, unknown> {
    const api = `${this.id.apiUrl}/users/${encodeURIComponent(user.login)}`;
    return {
      login: user.login,
      id: user.id,
      node_id: this.nodeId(user.type === 'Organization' ? 'O' : user.type === 'Bot' ? 'BOT' : 'U', user.id),
      avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
      gravatar_id: '',
      url: api,
      html_url:
        user.type === 'Bot'
          ? `${this.id.webUrl}/apps/${user.login.replace(/\[bot\]$/, '')}`
          : `${this.id.webUrl}/${user.login}`,
      followers_url: `${api}/followers`,
      following_url: `${api}/following{/other_user}`,
      gists_url: `${api}/gists{/gist_id}`,
      starred_url: `${api}/starred{/owner}{/repo}`,
      subscriptions_url: `${api}/subscriptions`,
      organizations_url: `${api}/orgs`,
      repos_url: `${api}/repos`,
      events_url: `${api}/events{/privacy}`,
      received_events_url: `${api}/received_events`,
      type: user.type,
      user_view_type: 'public',
      site_admin: false,
    };
  }

  repository(pushedAt: string): Record<string, unknown> {
    const r = this.repoApi;
    return {
      id: this.id.repoId,
      node_id: this.nodeId('R', this.id.repoId),
      name: this.id.repo,
      full_name: this.fullName,
      private: this.id.private ?? false,
      owner: this.user(this.id.owner),
      html_url: this.repoWeb,
      description: null,
      fork: this.id.fork ?? false,
      url: r,
      forks_url: `${r}/forks`,
      keys_url: `${r}/keys{/key_id}`,
      collaborators_url: `${r}/collaborators{/collaborator}`,
      teams_url: `${r}/teams`,
      hooks_url: `${r}/hooks`,
      issue_events_url: `${r}/issues/events{/number}`,
      events_url: `${r}/events`,
      assignees_url: `${r}/assignees{/user}`,
      branches_url: `${r}/branches{/branch}`,
      tags_url: `${r}/tags`,
      blobs_url: `${r}/git/blobs{/sha}`,
      git_tags_url: `${r}/git/tags{/sha}`,
      git_refs_url: `${r}/git/refs{/sha}`,
      trees_url: `${r}/git/trees{/sha}`,
      statuses_url: `${r}/statuses/{sha}`,
      languages_url: `${r}/languages`,
      stargazers_url: `${r}/stargazers`,
      contributors_url: `${r}/contributors`,
      subscribers_url: `${r}/subscribers`,
      subscription_url: `${r}/subscription`,
      commits_url: `${r}/commits{/sha}`,
      git_commits_url: `${r}/git/commits{/sha}`,
      comments_url: `${r}/comments{/number}`,
      issue_comment_url: `${r}/issues/comments{/number}`,
      contents_url: `${r}/contents/{+path}`,
      compare_url: `${r}/compare/{base}...{head}`,
      merges_url: `${r}/merges`,
      archive_url: `${r}/{archive_format}{/ref}`,
      downloads_url: `${r}/downloads`,
      issues_url: `${r}/issues{/number}`,
      pulls_url: `${r}/pulls{/number}`,
      milestones_url: `${r}/milestones{/number}`,
      notifications_url: `${r}/notifications{?since,all,participating}`,
      labels_url: `${r}/labels{/name}`,
      releases_url: `${r}/releases{/id}`,
      deployments_url: `${r}/deployments`,
      created_at: this.id.createdAt,
      updated_at: pushedAt,
      pushed_at: pushedAt,
      git_url: `${this.repoWeb.replace(/^https?:/, 'git:')}.git`,
      ssh_url: `git@${new URL(this.id.webUrl).host}:${this.fullName}.git`,
      clone_url: `${this.repoWeb}.git`,
      svn_url: this.repoWeb,
      homepage: null,
      size: 0,
      stargazers_count: 0,
      watchers_count: 0,
      language: this.id.language ?? null,
      has_issues: true,
      has_projects: true,
      has_downloads: true,
      has_wiki: true,
      has_pages: false,
      has_discussions: false,
      forks_count: 0,
      mirror_url: null,
      archived: this.id.archived ?? false,
      disabled: false,
      open_issues_count: 0,
      license: null,
      allow_forking: true,
      is_template: false,
      web_commit_signoff_required: false,
      topics: [...(this.id.topics ?? [])],
      visibility: this.id.private ? 'private' : 'public',
      forks: 0,
      open_issues: 0,
      watchers: 0,
      default_branch: this.id.defaultBranch,
      network_count: 0,
      subscribers_count: 0,
    };
  }

  label(label: LabelRecord): Record<string, unknown> {
    return {
      id: label.id,
      node_id: this.nodeId('LA', label.id),
      url: `${this.repoApi}/labels/${encodeURIComponent(label.name)}`,
      name: label.name,
      description: label.description,
      color: label.color,
      default: false,
    };
  }

  /** A pull request; `stats` turns the list shape into the single-pull-request shape. */
  pull(
    pr: PullRecord,
    labels: readonly LabelRecord[],
    pushedAt: string,
    stats?: PullStats,
  ): Record<string, unknown> {
    const url = `${this.repoApi}/pulls/${pr.number}`;
    const issueUrl = `${this.repoApi}/issues/${pr.number}`;
    const html = `${this.repoWeb}/pull/${pr.number}`;
    const repository = this.repository(pushedAt);
    const end = (ref: string, sha: string) => ({
      label: `${this.id.owner.login}:${ref}`,
      ref,
      sha,
      user: this.user(this.id.owner),
      repo: repository,
    });
    const payload: Record<string, unknown> = {
      url,
      id: pr.id,
      node_id: this.nodeId('PR', pr.id),
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      issue_url: issueUrl,
      number: pr.number,
      state: pr.state,
      locked: false,
      title: pr.title,
      user: this.user(pr.user),
      body: pr.body,
      created_at: pr.createdAt,
      updated_at: pr.updatedAt,
      closed_at: pr.closedAt,
      merged_at: pr.mergedAt,
      merge_commit_sha: pr.mergeCommitSha,
      assignee: pr.assignees[0] ? this.user(pr.assignees[0]) : null,
      assignees: pr.assignees.map((user) => this.user(user)),
      requested_reviewers: pr.requestedReviewers.map((user) => this.user(user)),
      requested_teams: pr.requestedTeams.map((team) => this.team(team)),
      labels: labels.map((label) => this.label(label)),
      milestone: null,
      draft: pr.draft,
      commits_url: `${url}/commits`,
      review_comments_url: `${url}/comments`,
      review_comment_url: `${this.repoApi}/pulls/comments{/number}`,
      comments_url: `${issueUrl}/comments`,
      statuses_url: `${this.repoApi}/statuses/${pr.headSha}`,
      head: end(pr.head, pr.headSha),
      base: end(pr.base, pr.baseSha),
      _links: {
        self: { href: url },
        html: { href: html },
        issue: { href: issueUrl },
        comments: { href: `${issueUrl}/comments` },
        review_comments: { href: `${url}/comments` },
        review_comment: { href: `${this.repoApi}/pulls/comments{/number}` },
        commits: { href: `${url}/commits` },
        statuses: { href: `${this.repoApi}/statuses/${pr.headSha}` },
      },
      author_association: pr.user.association,
      auto_merge: null,
      active_lock_reason: null,
    };
    if (stats) {
      Object.assign(payload, {
        merged: pr.merged,
        mergeable: stats.mergeable,
        rebaseable: stats.mergeable,
        mergeable_state: stats.mergeableState,
        merged_by: pr.merged ? this.user(pr.user) : null,
        comments: stats.comments,
        review_comments: stats.reviewComments,
        maintainer_can_modify: pr.maintainerCanModify,
        commits: stats.commits,
        additions: stats.additions,
        deletions: stats.deletions,
        changed_files: stats.changedFiles,
      });
    }
    return payload;
  }

  /** A team as review requests list it. */
  team(team: FakeTeam): Record<string, unknown> {
    const api = `${this.id.apiUrl}/organizations/${this.id.owner.id}/team/${team.id}`;
    return {
      id: team.id,
      node_id: this.nodeId('T', team.id),
      url: api,
      html_url: `${this.id.webUrl}/orgs/${this.id.owner.login}/teams/${team.slug}`,
      name: team.name,
      slug: team.slug,
      description: null,
      privacy: 'closed',
      notification_setting: 'notifications_enabled',
      permission: 'pull',
      members_url: `${api}/members{/member}`,
      repositories_url: `${api}/repos`,
      parent: null,
    };
  }

  /** A plain issue, as the Issues endpoints answer it. */
  issue(issue: IssueRecord, labels: readonly LabelRecord[], comments: number): Record<string, unknown> {
    const url = `${this.repoApi}/issues/${issue.number}`;
    return {
      id: issue.id,
      node_id: this.nodeId('I', issue.id),
      url,
      repository_url: this.repoApi,
      labels_url: `${url}/labels{/name}`,
      comments_url: `${url}/comments`,
      events_url: `${url}/events`,
      html_url: `${this.repoWeb}/issues/${issue.number}`,
      number: issue.number,
      state: issue.state,
      state_reason: issue.stateReason,
      title: issue.title,
      body: issue.body,
      user: this.user(issue.user),
      labels: labels.map((label) => this.label(label)),
      assignee: null,
      assignees: [],
      milestone: null,
      locked: false,
      active_lock_reason: null,
      comments,
      closed_at: issue.closedAt,
      created_at: issue.createdAt,
      updated_at: issue.updatedAt,
      author_association: issue.user.association,
    };
  }

  /** The issue side of a pull request (what the Issues endpoints, e.g. add assignees, answer). */
  issueOfPull(pr: PullRecord, labels: readonly LabelRecord[], comments: number): Record<string, unknown> {
    const url = `${this.repoApi}/issues/${pr.number}`;
    const html = `${this.repoWeb}/pull/${pr.number}`;
    return {
      id: pr.id,
      node_id: this.nodeId('PR', pr.id),
      url,
      repository_url: this.repoApi,
      labels_url: `${url}/labels{/name}`,
      comments_url: `${url}/comments`,
      events_url: `${url}/events`,
      html_url: html,
      number: pr.number,
      state: pr.state,
      state_reason: null,
      title: pr.title,
      body: pr.body,
      user: this.user(pr.user),
      labels: labels.map((label) => this.label(label)),
      assignee: pr.assignees[0] ? this.user(pr.assignees[0]) : null,
      assignees: pr.assignees.map((user) => this.user(user)),
      milestone: null,
      locked: false,
      active_lock_reason: null,
      comments,
      pull_request: {
        url: `${this.repoApi}/pulls/${pr.number}`,
        html_url: html,
        diff_url: `${html}.diff`,
        patch_url: `${html}.patch`,
        merged_at: pr.mergedAt,
      },
      closed_at: pr.closedAt,
      created_at: pr.createdAt,
      updated_at: pr.updatedAt,
      draft: pr.draft,
      author_association: pr.user.association,
    };
  }

  private identity(who: GitIdentity): Record<string, unknown> {
    return { name: who.name, email: who.email, date: isoTime(who.date) };
  }

  private parentLinks(parents: readonly string[]): Record<string, unknown>[] {
    return parents.map((sha) => ({
      sha,
      url: `${this.repoApi}/git/commits/${sha}`,
      html_url: `${this.repoWeb}/commit/${sha}`,
    }));
  }

  /** The Git Data API's commit object (GET/POST /git/commits). */
  gitCommit(commit: CommitObject, verification: Verification): Record<string, unknown> {
    return {
      sha: commit.sha,
      node_id: this.nodeId('C', parseInt(commit.sha.slice(0, 12), 16)),
      url: `${this.repoApi}/git/commits/${commit.sha}`,
      html_url: `${this.repoWeb}/commit/${commit.sha}`,
      author: this.identity(commit.author),
      committer: this.identity(commit.committer),
      tree: { sha: commit.tree, url: `${this.repoApi}/git/trees/${commit.tree}` },
      message: commit.message,
      parents: this.parentLinks(commit.parents),
      verification,
    };
  }

  /** The commits API's commit (list commits, compare, pull request commits). */
  commit(
    commit: CommitObject,
    verification: Verification,
    author: FakeUser | null,
    committer: FakeUser | null,
  ): Record<string, unknown> {
    return {
      sha: commit.sha,
      node_id: this.nodeId('C', parseInt(commit.sha.slice(0, 12), 16)),
      url: `${this.repoApi}/commits/${commit.sha}`,
      html_url: `${this.repoWeb}/commit/${commit.sha}`,
      comments_url: `${this.repoApi}/commits/${commit.sha}/comments`,
      commit: {
        url: `${this.repoApi}/git/commits/${commit.sha}`,
        author: this.identity(commit.author),
        committer: this.identity(commit.committer),
        message: commit.message,
        comment_count: 0,
        tree: { sha: commit.tree, url: `${this.repoApi}/git/trees/${commit.tree}` },
        verification,
      },
      author: author ? this.user(author) : null,
      committer: committer ? this.user(committer) : null,
      parents: this.parentLinks(commit.parents),
    };
  }

  ref(ref: string, sha: string, type: string): Record<string, unknown> {
    return {
      ref,
      node_id: this.nodeId('REF', parseInt(sha.slice(0, 12), 16)),
      url: `${this.repoApi}/git/${ref}`,
      object: { type, sha, url: `${this.repoApi}/git/${type}s/${sha}` },
    };
  }

  tree(sha: string, entries: readonly TreeEntry[]): Record<string, unknown> {
    return {
      sha,
      url: `${this.repoApi}/git/trees/${sha}`,
      tree: entries.map((entry) => ({
        path: entry.path,
        mode: entry.mode,
        type: entry.type,
        sha: entry.sha,
        ...(entry.size === undefined ? {} : { size: entry.size }),
        ...(entry.type === 'commit' ? {} : { url: `${this.repoApi}/git/${entry.type}s/${entry.sha}` }),
      })),
      truncated: false,
    };
  }

  blobCreated(sha: string): Record<string, unknown> {
    return { url: `${this.repoApi}/git/blobs/${sha}`, sha };
  }

  blob(sha: string, content: Buffer): Record<string, unknown> {
    // GitHub wraps the base64 text at 60 characters, like `base64` does; clients must strip the newlines.
    const encoded = content.toString('base64').replace(/.{60}/g, '$&\n');
    return {
      sha,
      node_id: this.nodeId('B', parseInt(sha.slice(0, 12), 16)),
      size: content.length,
      url: `${this.repoApi}/git/blobs/${sha}`,
      content: encoded.endsWith('\n') || encoded === '' ? encoded : `${encoded}\n`,
      encoding: 'base64',
    };
  }

  file(change: FileChange, headSha: string): Record<string, unknown> {
    const path = change.filename.split('/').map(encodeURIComponent).join('/');
    const payload: Record<string, unknown> = {
      sha: change.sha,
      filename: change.filename,
      status: change.status,
      additions: change.additions,
      deletions: change.deletions,
      changes: change.additions + change.deletions,
      blob_url: `${this.repoWeb}/blob/${headSha}/${path}`,
      raw_url: `${this.repoWeb}/raw/${headSha}/${path}`,
      contents_url: `${this.repoApi}/contents/${path}?ref=${headSha}`,
    };
    if (!change.binary && change.patch !== '') payload.patch = change.patch;
    if (change.previousFilename !== undefined) payload.previous_filename = change.previousFilename;
    return payload;
  }

  review(review: ReviewRecord): Record<string, unknown> {
    const pull = `${this.repoApi}/pulls/${review.pullNumber}`;
    const html = `${this.repoWeb}/pull/${review.pullNumber}#pullrequestreview-${review.id}`;
    const payload: Record<string, unknown> = {
      id: review.id,
      node_id: this.nodeId('PRR', review.id),
      user: this.user(review.user),
      body: review.body,
      state: review.state,
      html_url: html,
      pull_request_url: pull,
      author_association: review.user.association,
      _links: { html: { href: html }, pull_request: { href: pull } },
      commit_id: review.commitId,
    };
    if (review.submittedAt) payload.submitted_at = review.submittedAt;
    return payload;
  }

  reviewComment(comment: ReviewCommentRecord, anchor: CommentAnchor): Record<string, unknown> {
    const url = `${this.repoApi}/pulls/comments/${comment.id}`;
    const html = `${this.repoWeb}/pull/${comment.pullNumber}#discussion_r${comment.id}`;
    const pull = `${this.repoApi}/pulls/${comment.pullNumber}`;
    const payload: Record<string, unknown> = {
      url,
      pull_request_review_id: comment.reviewId,
      id: comment.id,
      node_id: this.nodeId('PRRC', comment.id),
      diff_hunk: comment.diffHunk,
      path: comment.path,
      position: anchor.position,
      original_position: comment.originalPosition,
      commit_id: anchor.commitId,
      original_commit_id: comment.originalCommitId,
      user: this.user(comment.user),
      body: comment.body,
      created_at: comment.createdAt,
      updated_at: comment.updatedAt,
      html_url: html,
      pull_request_url: pull,
      author_association: comment.user.association,
      _links: { self: { href: url }, html: { href: html }, pull_request: { href: pull } },
      start_line: anchor.startLine,
      original_start_line: comment.originalStartLine,
      start_side: comment.startSide,
      line: anchor.line,
      original_line: comment.originalLine,
      side: comment.side,
      subject_type: 'line',
    };
    if (comment.inReplyToId !== null) payload.in_reply_to_id = comment.inReplyToId;
    return payload;
  }

  issueComment(comment: IssueCommentRecord): Record<string, unknown> {
    const url = `${this.repoApi}/issues/comments/${comment.id}`;
    return {
      id: comment.id,
      node_id: this.nodeId('IC', comment.id),
      url,
      html_url: `${this.repoWeb}/pull/${comment.issueNumber}#issuecomment-${comment.id}`,
      body: comment.body,
      user: this.user(comment.user),
      created_at: comment.createdAt,
      updated_at: comment.updatedAt,
      issue_url: `${this.repoApi}/issues/${comment.issueNumber}`,
      author_association: comment.user.association,
    };
  }
}
