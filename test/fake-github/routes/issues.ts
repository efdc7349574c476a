// Issues: plain issues (the organisation sweep's tracking issue: list, create, edit) and, on the issue side
// of pull requests, comments (the summary comment), labels and assignees. Every pull request is an issue with
// the same number; comments, labels and assignees are served for pull requests only.

import { notFound, validationFailed } from '../errors.js';
import type { IssueCommentRecord, IssueRecord, PullRecord } from '../records.js';
import type { RouteRequest, RouteResponse, RouteTable } from './common.js';
import type { RepoState } from './common.js';
import { intParam, pageResponse, sortByTime } from './common.js';
import { MAX_BODY_CHARS } from './pulls.js';

type LabelItem = string | { name: string };
type AddLabelsBody = { labels?: LabelItem[] } | LabelItem[] | string;

function issueOr404(state: RepoState, request: RouteRequest): PullRecord {
  const pr = state.findPull(intParam(request, 'issue_number'));
  if (!pr) throw notFound();
  return pr;
}

function checkCommentBody(body: string): void {
  if ([...body].length > MAX_BODY_CHARS) {
    throw validationFailed({
      resource: 'IssueComment',
      code: 'unprocessable',
      field: 'data',
      message: `Body is too long (maximum is ${MAX_BODY_CHARS} characters)`,
    });
  }
}

async function listComments(state: RepoState, request: RouteRequest): Promise<RouteResponse> {
  const pr = issueOr404(state, request);
  const since = request.query.get('since');
  const comments = state.issueComments.filter(
    (comment) => comment.issueNumber === pr.number && (!since || comment.updatedAt >= since),
  );
  const response = pageResponse(request, comments);
  response.body = (response.body as IssueCommentRecord[]).map((comment) =>
    state.payloads.issueComment(comment),
  );
  return response;
}

async function createComment(state: RepoState, request: RouteRequest): Promise<RouteResponse> {
  const pr = issueOr404(state, request);
  const { body } = request.body as { body: string };
  checkCommentBody(body);
  const at = state.nowIso();
  const comment: IssueCommentRecord = {
    id: state.nextId('issueComment'),
    issueNumber: pr.number,
    user: state.tokenUser,
    body,
    createdAt: at,
    updatedAt: at,
  };
  state.issueComments.push(comment);
  return {
    status: 201,
    body: state.payloads.issueComment(comment),
    headers: { location: `${state.payloads.repoApi}/issues/comments/${comment.id}` },
  };
}

async function updateComment(state: RepoState, request: RouteRequest): Promise<RouteResponse> {
  const id = intParam(request, 'comment_id');
  const comment = state.issueComments.find((candidate) => candidate.id === id);
  if (!comment) throw notFound();
  const { body } = request.body as { body: string };
  checkCommentBody(body);
  comment.body = body;
  comment.updatedAt = state.nowIso();
  return { status: 200, body: state.payloads.issueComment(comment) };
}

async function addLabels(state: RepoState, request: RouteRequest): Promise<RouteResponse> {
  const pr = issueOr404(state, request);
  const body = request.body as AddLabelsBody;
  // GitHub accepts { labels: [...] }, a bare array, or a single name; items are names or { name }.
  const items: LabelItem[] =
    typeof body === 'string' ? [body] : Array.isArray(body) ? body : (body.labels ?? []);
  for (const item of items) {
    const label = state.ensureLabel(typeof item === 'string' ? item : item.name);
    if (!pr.labels.some((name) => name.toLowerCase() === label.name.toLowerCase()))
      pr.labels.push(label.name);
  }
  pr.updatedAt = state.nowIso();
  return { status: 200, body: state.labelsOf(pr).map((label) => state.payloads.label(label)) };
}

/**
 * Assignees. GitHub answers 201 with the issue and silently leaves out anyone it cannot assign (its docs:
 * "Assignees are silently ignored otherwise"; plur-ai/plur#862 met it in practice), so the answer's
 * `assignees` is the only sign. Items may be logins or { login }.
 */
async function addAssignees(state: RepoState, request: RouteRequest): Promise<RouteResponse> {
  const pr = issueOr404(state, request);
  const items = ((request.body ?? {}) as { assignees?: Array<string | { login: string }> }).assignees ?? [];
  for (const item of items) {
    const user = state.collaborator(typeof item === 'string' ? item : item.login);
    if (user && !pr.assignees.includes(user)) pr.assignees.push(user);
  }
  pr.updatedAt = state.nowIso();
  const comments = state.issueComments.filter((comment) => comment.issueNumber === pr.number).length;
  return { status: 201, body: state.payloads.issueOfPull(pr, state.labelsOf(pr), comments) };
}

/** What the list answers: plain issues and pull requests alike, as GitHub's list does. */
interface Listed {
  createdAt: string;
  updatedAt: string;
  state: 'open' | 'closed';
  user: { login: string };
  labels: string[];
  payload: () => Record<string, unknown>;
}

function commentCount(state: RepoState, number: number): number {
  return state.issueComments.filter((comment) => comment.issueNumber === number).length;
}

/** `GET /repos/{owner}/{repo}/issues`: `state` (default open), `creator`, `labels` (all of them), `sort`, `direction`. */
async function listIssues(state: RepoState, request: RouteRequest): Promise<RouteResponse> {
  const wanted = request.query.get('state') ?? 'open';
  const creator = request.query.get('creator')?.toLowerCase();
  const labels = (request.query.get('labels') ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const items: Listed[] = [
    ...state.issues.map((issue) => ({
      ...issue,
      payload: () => state.payloads.issue(issue, state.labelsOf(issue), commentCount(state, issue.number)),
    })),
    ...state.pulls.map((pr) => ({
      ...pr,
      payload: () => state.payloads.issueOfPull(pr, state.labelsOf(pr), commentCount(state, pr.number)),
    })),
  ].filter(
    (item) =>
      (wanted === 'all' || item.state === wanted) &&
      (!creator || item.user.login.toLowerCase() === creator) &&
      labels.every((name) => item.labels.some((label) => label.toLowerCase() === name)),
  );
  const key = request.query.get('sort') === 'updated' ? 'updatedAt' : 'createdAt';
  sortByTime(items, (item) => item[key], request.query.get('direction') ?? 'desc');
  const response = pageResponse(request, items);
  response.body = (response.body as Listed[]).map((item) => item.payload());
  return response;
}

function checkIssueBody(body: string | null | undefined): void {
  if (body && [...body].length > MAX_BODY_CHARS) {
    throw validationFailed({
      resource: 'Issue',
      code: 'custom',
      field: 'body',
      message: `body is too long (maximum is ${MAX_BODY_CHARS} characters)`,
    });
  }
}

async function createIssue(state: RepoState, request: RouteRequest): Promise<RouteResponse> {
  const input = request.body as {
    title: string | number;
    body?: string;
    labels?: Array<string | { name?: string }>;
  };
  checkIssueBody(input.body);
  const at = state.nowIso();
  const issue: IssueRecord = {
    number: state.nextIssueNumber(),
    id: state.nextId('issueRecord'),
    title: String(input.title),
    body: input.body ?? null,
    state: 'open',
    stateReason: null,
    closedAt: null,
    user: state.tokenUser,
    labels: (input.labels ?? [])
      .map((item) => (typeof item === 'string' ? item : (item.name ?? '')))
      .filter(Boolean)
      .map((name) => state.ensureLabel(name).name),
    createdAt: at,
    updatedAt: at,
  };
  state.issues.push(issue);
  return {
    status: 201,
    body: state.payloads.issue(issue, state.labelsOf(issue), 0),
    headers: { location: `${state.payloads.repoApi}/issues/${issue.number}` },
  };
}

/** Edits a plain issue's title, body or state (pull requests are edited through the pulls endpoint here). */
async function updateIssue(state: RepoState, request: RouteRequest): Promise<RouteResponse> {
  const number = intParam(request, 'issue_number');
  const issue = state.issues.find((candidate) => candidate.number === number);
  if (!issue) throw notFound();
  const input = (request.body ?? {}) as {
    title?: string | number | null;
    body?: string | null;
    state?: 'open' | 'closed';
  };
  checkIssueBody(input.body);
  if (input.title !== undefined && input.title !== null) issue.title = String(input.title);
  if (input.body !== undefined) issue.body = input.body;
  const at = state.nowIso();
  if (input.state !== undefined && input.state !== issue.state) {
    issue.state = input.state;
    issue.closedAt = input.state === 'closed' ? at : null;
    issue.stateReason = input.state === 'closed' ? 'completed' : 'reopened';
  }
  issue.updatedAt = at;
  return {
    status: 200,
    body: state.payloads.issue(issue, state.labelsOf(issue), commentCount(state, issue.number)),
  };
}

export const issueRoutes: RouteTable = {
  'GET /repos/{owner}/{repo}/issues': listIssues,
  'POST /repos/{owner}/{repo}/issues': createIssue,
  'PATCH /repos/{owner}/{repo}/issues/{issue_number}': updateIssue,
  'GET /repos/{owner}/{repo}/issues/{issue_number}/comments': listComments,
  'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': createComment,
  'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}': updateComment,
  'POST /repos/{owner}/{repo}/issues/{issue_number}/labels': addLabels,
  'POST /repos/{owner}/{repo}/issues/{issue_number}/assignees': addAssignees,
};
