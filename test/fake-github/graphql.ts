// The GraphQL operations cookie-hardener needs: review threads (they exist only in GraphQL), the token's own
// identity (`viewer` is the one way every kind of token can learn whom it acts as), and the one
// compare-and-swap ref write GitHub offers:
//   query    repository(owner, name) { pullRequest(number) { reviewThreads(first, after) { … } } }
//   mutation resolveReviewThread(input: { threadId }) { thread { id isResolved } }   (and unresolve…)
//   query    viewer { login databaseId }
//   mutation updateRefs(input: { repositoryId, refUpdates: [{ name, beforeOid, afterOid, force }] })
// This is no GraphQL engine. It recognises the operation by its field names, reads arguments from literals
// or variables, and answers with every field a client may select: extra fields are harmless to a JSON
// consumer, and it keeps the fake small. Errors follow GitHub's shape (HTTP 200, an `errors` array).

import { ZERO_SHA } from './git-store.js';
import type { PullRecord, ReviewCommentRecord } from './records.js';
import type { RepoState } from './repo-state.js';
import { visibleComments } from './routes/reviews.js';

export interface GraphqlRequest {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

export interface GraphqlError {
  message: string;
  type?: string;
  path?: string[];
  locations?: { line: number; column: number }[];
}

export interface GraphqlAnswer {
  body: { data?: unknown; errors?: GraphqlError[] };
  /** False when the operation is not one the fake implements (the server records it as unhandled). */
  handled: boolean;
  /** True for mutations, which a read-only token may not run. */
  mutation: boolean;
}

const MAX_PAGE = 100;

/** GraphQL `author.login` drops the "[bot]" suffix REST shows for apps. */
function graphqlLogin(login: string): string {
  return login.replace(/\[bot\]$/, '');
}

export function threadNodeId(commentId: number): string {
  return `PRRT_fake${commentId.toString(36)}`;
}

function commentIdOfThread(nodeId: string): number | undefined {
  const match = /^PRRT_fake([0-9a-z]+)$/.exec(nodeId);
  return match?.[1] === undefined ? undefined : parseInt(match[1], 36);
}

/** Parses one GraphQL argument value: a string, number, boolean, null, `$variable`, or `{ object }`. */
function parseValue(text: string, variables: Record<string, unknown>): unknown {
  const value = text.trim();
  if (value.startsWith('$')) return variables[value.slice(1)];
  if (value.startsWith('"')) return JSON.parse(value) as unknown;
  if (value.startsWith('{')) return parseArguments(value.slice(1, -1), variables);
  if (value === 'true' || value === 'false') return value === 'true';
  if (value === 'null') return null;
  return Number(value);
}

const ARGUMENT = /(\w+)\s*:\s*("(?:[^"\\]|\\.)*"|\$\w+|-?\d+|true|false|null|\{[^{}]*\})/g;

function parseArguments(text: string, variables: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const match of text.matchAll(ARGUMENT)) {
    result[match[1] ?? ''] = parseValue(match[2] ?? '', variables);
  }
  return result;
}

/** The arguments of the first occurrence of `field(…)` in the query. */
function argumentsOf(
  query: string,
  field: string,
  variables: Record<string, unknown>,
): Record<string, unknown> {
  const start = new RegExp(`\\b${field}\\s*\\(`).exec(query);
  if (!start) return {};
  let depth = 0;
  let end = start.index + start[0].length;
  for (; end < query.length; end++) {
    const char = query[end];
    if (char === '(' || char === '{') depth++;
    else if (char === ')' || char === '}') {
      if (depth === 0) break;
      depth--;
    }
  }
  return parseArguments(query.slice(start.index + start[0].length, end), variables);
}

function error(message: string, type?: string, path?: string[]): GraphqlError {
  return {
    ...(type ? { type } : {}),
    ...(path ? { path } : {}),
    locations: [{ line: 1, column: 1 }],
    message,
  };
}

export interface GraphqlOptions {
  readOnly: boolean;
  /** Answer like a GitHub Enterprise Server release whose schema has no updateRefs mutation. */
  withoutUpdateRefs?: boolean;
}

export async function answerGraphql(
  state: RepoState,
  request: GraphqlRequest,
  options: GraphqlOptions,
): Promise<GraphqlAnswer> {
  const { readOnly } = options;
  const query = request.query ?? '';
  const variables = request.variables ?? {};
  const mutation = /^\s*mutation\b/.test(query);
  for (const name of ['resolveReviewThread', 'unresolveReviewThread']) {
    if (mutation && new RegExp(`\\b${name}\\s*\\(`).test(query)) {
      if (readOnly) {
        const body = {
          data: { [name]: null },
          errors: [error('Resource not accessible by integration', 'FORBIDDEN', [name])],
        };
        return { body, handled: true, mutation };
      }
      return { body: setResolved(state, argumentsOf(query, name, variables), name), handled: true, mutation };
    }
  }
  if (mutation && /\bupdateRefs\s*\(/.test(query)) {
    if (options.withoutUpdateRefs) {
      // A schema without the field rejects the whole document at validation, before anything runs.
      const missing = {
        path: ['mutation', 'updateRefs'],
        extensions: { code: 'undefinedField', typeName: 'Mutation', fieldName: 'updateRefs' },
        locations: [{ line: 1, column: 1 }],
        message: "Field 'updateRefs' doesn't exist on type 'Mutation'",
      };
      return { body: { errors: [missing] }, handled: true, mutation };
    }
    const invalid = invalidUpdateRefsInput(query, variables);
    if (invalid) return { body: { errors: [error(invalid)] }, handled: true, mutation };
    if (readOnly) {
      const body = {
        data: { updateRefs: null },
        errors: [error('Resource not accessible by integration', 'FORBIDDEN', ['updateRefs'])],
      };
      return { body, handled: true, mutation };
    }
    return {
      body: await updateRefs(state, argumentsOf(query, 'updateRefs', variables)),
      handled: true,
      mutation,
    };
  }
  if (!mutation && /^[\s{]*(?:query\b[^{]*\{\s*)?viewer\b/.test(query)) {
    // For an installation token (GITHUB_TOKEN, an App's token) GitHub answers with the bot's REST spelling,
    // `<slug>[bot]`; for a personal access token, the user's login.
    const user = state.tokenUser;
    return {
      body: { data: { viewer: { login: user.login, databaseId: user.id, __typename: user.type } } },
      handled: true,
      mutation,
    };
  }
  if (!mutation && /\breviewThreads\b/.test(query)) {
    return { body: await reviewThreads(state, query, variables), handled: true, mutation };
  }
  return {
    body: { errors: [error('fake-github does not implement this GraphQL operation')] },
    handled: false,
    mutation,
  };
}

/**
 * The checks GitHub's schema makes before running updateRefs: `input` is an UpdateRefsInput! with a
 * repositoryId (ID!) and refUpdates ([RefUpdate!]!), and every RefUpdate has `name` and `afterOid`. Only the
 * variable form is checked (the one cookie-hardener sends); wording follows GitHub's variable errors.
 */
function invalidUpdateRefsInput(query: string, variables: Record<string, unknown>): string | null {
  if (
    !/\$input\s*:\s*UpdateRefsInput!/.test(query) ||
    !/updateRefs\s*\(\s*input\s*:\s*\$input\s*\)/.test(query)
  ) {
    return 'fake-github checks only updateRefs(input: $input) with $input: UpdateRefsInput!';
  }
  const input = variables.input as Record<string, unknown> | undefined;
  const problem = (path: string, why: string) =>
    `Variable $input of type UpdateRefsInput! was provided invalid value for ${path} (${why})`;
  if (!input || typeof input !== 'object') return problem('input', 'Expected value to not be null');
  if (typeof input.repositoryId !== 'string') return problem('repositoryId', 'Expected value to not be null');
  if (!Array.isArray(input.refUpdates)) return problem('refUpdates', 'Expected value to not be null');
  for (const [index, update] of (input.refUpdates as Record<string, unknown>[]).entries()) {
    for (const field of ['name', 'afterOid']) {
      if (typeof update?.[field] !== 'string') {
        return problem(`refUpdates.${index}.${field}`, 'Expected value to not be null');
      }
    }
    for (const field of ['afterOid', 'beforeOid']) {
      const value = update[field];
      if (value !== undefined && value !== null && !/^[0-9a-f]{40}$/.test(String(value))) {
        return problem(
          `refUpdates.${index}.${field}`,
          `Could not coerce value "${String(value)}" to GitObjectID`,
        );
      }
    }
  }
  for (const key of Object.keys(input)) {
    if (!['repositoryId', 'refUpdates', 'clientMutationId'].includes(key)) {
      return problem(key, 'Field is not defined on UpdateRefsInput');
    }
  }
  return null;
}

interface RefUpdate {
  name?: unknown;
  beforeOid?: unknown;
  afterOid?: unknown;
  force?: unknown;
}

/**
 * GitHub's documented semantics: every update is checked first and then all are applied, or none is.
 * `beforeOid` must be where the ref points now (all zeros: the ref must not exist); `afterOid` all zeros
 * deletes it; without `force` the update must be a fast-forward. Error wording is ours (GitHub's is
 * undocumented), in GitHub's error shape.
 */
async function updateRefs(state: RepoState, args: Record<string, unknown>): Promise<GraphqlAnswer['body']> {
  const input = (args.input ?? {}) as { repositoryId?: unknown; refUpdates?: unknown };
  const fail = (message: string, type = 'UNPROCESSABLE') => ({
    data: { updateRefs: null },
    errors: [error(message, type, ['updateRefs'])],
  });
  if (input.repositoryId !== state.payloads.repoNodeId) {
    return fail(
      `Could not resolve to a node with the global id of '${String(input.repositoryId)}'`,
      'NOT_FOUND',
    );
  }
  if (!Array.isArray(input.refUpdates) || input.refUpdates.length === 0) {
    return fail('refUpdates must list at least one update');
  }
  const checked: { name: string; current: string | null; after: string }[] = [];
  for (const update of input.refUpdates as RefUpdate[]) {
    const name = String(update.name ?? '');
    const after = String(update.afterOid ?? '');
    if (!name.startsWith('refs/') || !(await state.git.isValidRefName(name))) {
      return fail(`${name} is not a valid fully qualified ref name`);
    }
    const current = await state.git.readRef(name);
    if (update.beforeOid !== undefined && update.beforeOid !== null) {
      if ((current ?? ZERO_SHA) !== String(update.beforeOid)) {
        return fail(
          `A ref update was rejected: ${name} is at ${current ?? ZERO_SHA}, not ${String(update.beforeOid)}`,
        );
      }
    }
    if (after !== ZERO_SHA) {
      if ((await state.git.objectType(after)) === null) return fail(`Object ${after} does not exist`);
      if (
        update.force !== true &&
        current !== null &&
        current !== after &&
        !(await state.git.isAncestor(current, after))
      ) {
        return fail(`A ref update was rejected: ${name} update is not a fast forward`);
      }
    }
    checked.push({ name, current, after });
  }
  for (const { name, current, after } of checked) {
    if (after === ZERO_SHA) await state.deleteRef(name);
    else await state.setRef(name, after, current ?? ZERO_SHA);
  }
  return { data: { updateRefs: { clientMutationId: null } } };
}

function setResolved(state: RepoState, args: Record<string, unknown>, field: string): GraphqlAnswer['body'] {
  const input = (args.input ?? {}) as Record<string, unknown>;
  const threadId = String(input.threadId ?? '');
  const commentId = commentIdOfThread(threadId);
  const comment = state.reviewComments.find(
    (candidate) => candidate.id === commentId && candidate.inReplyToId === null,
  );
  if (!comment) {
    return {
      data: { [field]: null },
      errors: [
        error(`Could not resolve to a node with the global id of '${threadId}'`, 'NOT_FOUND', [field]),
      ],
    };
  }
  if (field === 'resolveReviewThread') state.resolvedThreads.add(comment.id);
  else state.resolvedThreads.delete(comment.id);
  return {
    data: { [field]: { thread: { id: threadId, isResolved: state.resolvedThreads.has(comment.id) } } },
  };
}

async function reviewThreads(
  state: RepoState,
  query: string,
  variables: Record<string, unknown>,
): Promise<GraphqlAnswer['body']> {
  const repoArgs = argumentsOf(query, 'repository', variables);
  const [owner, name] = state.payloads.fullName.split('/');
  if (
    String(repoArgs.owner).toLowerCase() !== owner?.toLowerCase() ||
    String(repoArgs.name).toLowerCase() !== name?.toLowerCase()
  ) {
    const path = ['repository'];
    return {
      data: { repository: null },
      errors: [
        error(
          `Could not resolve to a Repository with the name '${String(repoArgs.owner)}/${String(repoArgs.name)}'.`,
          'NOT_FOUND',
          path,
        ),
      ],
    };
  }
  const number = Number(argumentsOf(query, 'pullRequest', variables).number);
  const pr = state.findPull(number);
  if (!pr) {
    return {
      data: { repository: { pullRequest: null } },
      errors: [
        error(`Could not resolve to a PullRequest with the number of ${number}.`, 'NOT_FOUND', [
          'repository',
          'pullRequest',
        ]),
      ],
    };
  }
  const page = argumentsOf(query, 'reviewThreads', variables);
  const first = page.first === undefined || page.first === null ? undefined : Number(page.first);
  if (first === undefined) {
    return {
      errors: [
        error(
          'You must provide a `first` or `last` value to properly paginate the `reviewThreads` connection.',
        ),
      ],
    };
  }
  if (first > MAX_PAGE) {
    return {
      errors: [
        error(
          `Requesting ${first} records on the \`reviewThreads\` connection exceeds the \`first\` limit of ${MAX_PAGE} records.`,
        ),
      ],
    };
  }
  const commentPage = Number(argumentsOf(query, 'comments', variables).first ?? MAX_PAGE);
  const visible = visibleComments(state, pr.number);
  const threads = visible.filter((comment) => comment.inReplyToId === null).sort((a, b) => a.id - b.id);
  const after =
    typeof page.after === 'string'
      ? Number(Buffer.from(page.after, 'base64').toString('utf8').split(':')[1])
      : -1;
  const start = after + 1;
  const slice = threads.slice(start, start + first);
  const nodes = [];
  for (const thread of slice) {
    const replies = visible
      .filter((comment) => comment.inReplyToId === thread.id)
      .sort((a, b) => a.id - b.id);
    nodes.push(await threadNode(state, pr, thread, [thread, ...replies], commentPage));
  }
  const cursor = (index: number) => Buffer.from(`cursor:${index}`).toString('base64');
  const endIndex = start + slice.length - 1;
  return {
    data: {
      repository: {
        pullRequest: {
          number: pr.number,
          reviewThreads: {
            totalCount: threads.length,
            pageInfo: {
              hasNextPage: start + slice.length < threads.length,
              hasPreviousPage: start > 0,
              startCursor: slice.length > 0 ? cursor(start) : null,
              endCursor: slice.length > 0 ? cursor(endIndex) : null,
            },
            nodes,
          },
        },
      },
    },
  };
}

async function threadNode(
  state: RepoState,
  pr: PullRecord,
  first: ReviewCommentRecord,
  comments: ReviewCommentRecord[],
  pageSize: number,
): Promise<Record<string, unknown>> {
  const anchor = await state.anchorNow(first, pr);
  const resolved = state.resolvedThreads.has(first.id);
  const shown = comments.slice(0, pageSize);
  return {
    id: threadNodeId(first.id),
    isResolved: resolved,
    isOutdated: anchor.line === null,
    isCollapsed: resolved,
    path: first.path,
    line: anchor.line,
    originalLine: first.originalLine,
    startLine: anchor.startLine,
    originalStartLine: first.originalStartLine,
    diffSide: first.side,
    startDiffSide: first.startSide,
    subjectType: 'LINE',
    viewerCanResolve: !resolved,
    viewerCanUnresolve: resolved,
    resolvedBy: resolved ? { login: graphqlLogin(state.tokenUser.login) } : null,
    comments: {
      totalCount: comments.length,
      pageInfo: { hasNextPage: comments.length > shown.length, endCursor: null },
      nodes: shown.map((comment) => ({
        id: state.payloads.nodeId('PRRC', comment.id),
        databaseId: comment.id,
        body: comment.body,
        path: comment.path,
        url: `${state.payloads.repoWeb}/pull/${pr.number}#discussion_r${comment.id}`,
        createdAt: comment.createdAt,
        updatedAt: comment.updatedAt,
        publishedAt: comment.createdAt,
        outdated: anchor.line === null,
        author: { login: graphqlLogin(comment.user.login) },
        pullRequestReview: comment.reviewId === null ? null : { databaseId: comment.reviewId },
        replyTo: comment.inReplyToId === null ? null : { databaseId: comment.inReplyToId },
      })),
    },
  };
}
