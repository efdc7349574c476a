// Issue comments (the summary comment on a pull request) and labels. Every pull request is an issue with
// the same number; the fake has no plain issues, so any other number is a 404.

import { notFound, validationFailed } from '../errors.js';
import type { IssueCommentRecord, PullRecord } from '../records.js';
import type { RouteRequest, RouteResponse, RouteTable } from './common.js';
import type { RepoState } from './common.js';
import { intParam, pageResponse } from './common.js';
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

export const issueRoutes: RouteTable = {
  'GET /repos/{owner}/{repo}/issues/{issue_number}/comments': listComments,
  'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': createComment,
  'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}': updateComment,
  'POST /repos/{owner}/{repo}/issues/{issue_number}/labels': addLabels,
  'POST /repos/{owner}/{repo}/issues/{issue_number}/assignees': addAssignees,
};
