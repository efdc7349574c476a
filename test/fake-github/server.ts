// A local stand-in for api.github.com, serving one repository (or an organisation of several) on 127.0.0.1
// for delivery and end-to-end tests.
//
// Why an HTTP server rather than request mocks: @actions/github's getOctokit() sends through its own undici
// dispatcher, which nock and msw cannot see, and the bundled dist/index.js runs in a child process. A real
// server on a random loopback port works for both clients and for the bundle (reference/tooling.md §5).
//
// Each request goes through one pipeline, one request at a time so state changes never interleave:
//   parse → route → repository check → authentication → schema check (recorded) → injected fault
//   → schema rejection → read-only token → handler → response schema check (recorded) → log.

import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { AddressInfo } from 'node:net';

import type {
  FakeGitHub,
  FakeGitHubOptions,
  FakeRepository,
  PullRequestSeed,
  RaceActions,
  RepositorySeed,
} from './api.js';
import { ApiError, notAccessible, notFound } from './errors.js';
import type { FaultHandle, FaultResponse, FaultSpec, RaceSpec } from './faults.js';
import { FaultQueue, RaceQueue } from './faults.js';
import { GitStore } from './git-store.js';
import { answerGraphql } from './graphql.js';
import type { GraphqlRequest } from './graphql.js';
import { invalidRequestMessage, OpenApiSubset } from './openapi.js';
import type { OperationSpec, SchemaProblem } from './openapi.js';
import { Payloads, isoTime } from './payloads.js';
import type { RepositoryIdentity } from './payloads.js';
import { GITHUB_ACTIONS_BOT, OCTOCAT } from './records.js';
import type {
  DeletedRef,
  FakeUser,
  IssueCommentRecord,
  IssueRecord,
  LabelRecord,
  PullRecord,
  RequestLogEntry,
  ReviewCommentRecord,
  ReviewRecord,
  SchemaViolation,
} from './records.js';
import type { FileMap } from './repo-state.js';
import { RepoState } from './repo-state.js';
import * as seed from './seed.js';
import { Router } from './router.js';
import type { RouteHandler, RouteResponse } from './routes/common.js';
import { gitRoutes } from './routes/git.js';
import { installationRoutes } from './routes/installation.js';
import { issueRoutes } from './routes/issues.js';
import { pullRoutes } from './routes/pulls.js';
import { repoRoutes } from './routes/repos.js';
import { reviewRoutes } from './routes/reviews.js';

export type {
  FakeGitHub,
  FakeGitHubOptions,
  FakeRepository,
  PullRequestSeed,
  RaceActions,
  RepositorySeed,
} from './api.js';
export { faults } from './faults.js';
export type { FaultHandle, FaultResponse, FaultSpec, RaceSpec } from './faults.js';
export { GITHUB_ACTIONS_BOT, OCTOCAT } from './records.js';
export type * from './records.js';
export type { FileMap } from './repo-state.js';

const ROUTES: Record<string, RouteHandler> = {
  ...repoRoutes,
  ...gitRoutes,
  ...pullRoutes,
  ...reviewRoutes,
  ...issueRoutes,
  ...installationRoutes,
};

const DEFAULT_DOCS = 'https://docs.github.com/rest';

let sharedSubset: OpenApiSubset | undefined;

/** Compiling the schemas is the slow part, so every fake in a process shares one validator. */
function subset(): OpenApiSubset {
  sharedSubset ??= OpenApiSubset.load();
  return sharedSubset;
}

interface Routed {
  spec: OperationSpec;
  handler: RouteHandler;
}

class FakeGitHubServer implements FakeGitHub {
  readonly requests: RequestLogEntry[] = [];
  readonly schemaViolations: SchemaViolation[] = [];
  readonly responseViolations: SchemaViolation[] = [];
  readonly unhandledRequests: RequestLogEntry[] = [];
  readOnly: boolean;
  withoutUpdateRefs: boolean;
  url = '';

  private readonly faultQueue = new FaultQueue();
  private readonly raceQueue = new RaceQueue<RaceActions>();
  private readonly router = new Router<Routed>();
  private queue: Promise<unknown> = Promise.resolve();
  private rateUsed = 0;
  private server: Server | undefined;

  /** The repository `repo` names: the one the single-repository helpers and GraphQL default to. */
  private readonly state: RepoState;

  constructor(
    /** Every repository of the owner; the first is `repo`. */
    private readonly states: readonly RepoState[],
    private readonly options: FakeGitHubOptions,
    readonly owner: string,
    readonly repo: string,
  ) {
    this.state = states[0]!;
    this.readOnly = options.readOnly ?? false;
    this.withoutUpdateRefs = options.withoutUpdateRefs ?? false;
    for (const [key, handler] of Object.entries(ROUTES)) {
      const spec = subset().operation(key);
      // Routes and the extraction script's operation list must agree, or validation would silently skip.
      if (!spec)
        throw new Error(`fake-github: ${key} is not in openapi-subset.json; rerun the extraction script`);
      this.router.add(key, { spec, handler });
    }
  }

  get defaultBranch(): string {
    return this.state.defaultBranch;
  }
  get bareRepoPath(): string {
    return this.state.git.path;
  }
  get pulls(): readonly PullRecord[] {
    return this.state.pulls;
  }
  get issues(): readonly IssueRecord[] {
    return this.state.issues;
  }
  get repositoryNames(): readonly string[] {
    return this.states.map((state) => state.payloads.fullName.split('/')[1] ?? '');
  }
  get issueComments(): readonly IssueCommentRecord[] {
    return this.state.issueComments;
  }
  get reviews(): readonly ReviewRecord[] {
    return this.state.reviews;
  }
  get reviewComments(): readonly ReviewCommentRecord[] {
    return this.state.reviewComments;
  }
  get labels(): readonly LabelRecord[] {
    return this.state.labels;
  }
  get deletedRefs(): readonly DeletedRef[] {
    return this.state.deletedRefs;
  }
  get allowActionsToCreatePullRequests(): boolean {
    return this.state.actionsCanCreatePullRequests;
  }
  set allowActionsToCreatePullRequests(value: boolean) {
    for (const state of this.states) state.actionsCanCreatePullRequests = value;
  }
  get tokenUser(): FakeUser {
    return this.state.tokenUser;
  }
  set tokenUser(user: FakeUser) {
    for (const state of this.states) {
      state.tokenUser = user;
      state.registerUser(user);
    }
  }

  async listen(): Promise<void> {
    const server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        // A bug in the fake: answer 500 so the test fails loudly rather than hanging.
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(`fake-github internal error: ${error instanceof Error ? error.stack : String(error)}`);
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  /** Runs `task` after everything queued before it: requests and seeding helpers never interleave. */
  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  // ---- the request pipeline ----

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const raw = await readBody(request);
    const url = new URL(request.url ?? '/', this.url);
    const method = (request.method ?? 'GET').toUpperCase();
    const entry: RequestLogEntry = {
      method,
      path: safeDecode(url.pathname),
      operation: null,
      query: Object.fromEntries(url.searchParams),
      headers: Object.fromEntries(
        Object.entries(request.headers).map(([key, value]) => [key, String(value)]),
      ),
      body: undefined,
      status: 0,
      injected: false,
    };
    this.requests.push(entry);
    const answer = await this.serial(() => this.process(request, url, method, raw, entry));
    entry.status = answer.status;
    this.write(response, answer, entry.operation === 'POST /graphql' ? 'graphql' : 'core');
  }

  private async process(
    request: IncomingMessage,
    url: URL,
    method: string,
    raw: Buffer,
    entry: RequestLogEntry,
  ): Promise<RouteResponse> {
    let body: unknown;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        entry.body = raw.toString('utf8');
        return errorResponse(new ApiError(400, { message: 'Problems parsing JSON' }), undefined);
      }
    }
    entry.body = body;

    if (method === 'POST' && url.pathname === '/graphql') {
      entry.operation = 'POST /graphql';
      await this.raceQueue.run(method, entry.path, '/graphql', raw.toString('utf8'), this.raceActions());
      return this.graphql(request, body, entry, this.graphqlState(raw.toString('utf8'), body));
    }

    if (method === 'GET' && url.pathname === '/user') return this.authenticatedUser(request, entry);

    const match = this.router.match(method, url.pathname);
    if (!match) {
      this.unhandledRequests.push(entry);
      return errorResponse(notFound(), undefined);
    }
    const { spec, handler } = match.value;
    entry.operation = spec.key;
    try {
      // Operations outside a repository (the installation's listing) are answered beside the main one.
      const state = spec.path.startsWith('/repos/')
        ? this.stateOf(match.params.owner, match.params.repo)
        : this.state;
      // GitHub does not reveal whether a repository exists to those who cannot see it.
      if (!state) throw notFound();
      this.authenticate(request, method !== 'GET');
      await this.raceQueue.run(method, entry.path, spec.path, raw.toString('utf8'), this.raceActions());

      // Checked now, answered after fault injection: a fault simulates GitHub failing before reading the body.
      const problems = this.checkRequestBody(spec, method, entry.path, body);
      const fault = this.faultQueue.take(method, entry.path, spec.path);
      if (fault) entry.injected = true;
      if (fault && !fault.processed) return faultResponse(fault, spec);
      if (problems.length > 0)
        throw new ApiError(422, { message: invalidRequestMessage(problems, body ?? {}) });
      if (this.readOnly && method !== 'GET') throw notAccessible();

      await state.syncPulls();
      const answer = await handler(state, {
        params: match.params,
        query: url.searchParams,
        body,
        headers: request.headers,
        url,
        organization: { repositories: this.states, installed: (candidate) => this.installed(candidate) },
      });
      if (answer.body !== undefined && answer.status < 300)
        this.checkResponseBody(spec, method, entry.path, answer.body);
      return fault ? faultResponse(fault, spec) : answer;
    } catch (error) {
      if (error instanceof ApiError) return errorResponse(error, spec);
      throw error;
    }
  }

  private stateOf(owner: string | undefined, repo: string | undefined): RepoState | undefined {
    if (owner?.toLowerCase() !== this.owner.toLowerCase()) return undefined;
    return this.states.find(
      (state) => state.payloads.fullName.split('/')[1]?.toLowerCase() === repo?.toLowerCase(),
    );
  }

  private installed(state: RepoState): boolean {
    const names = this.options.installedRepositories;
    const name = state.payloads.fullName.split('/')[1]?.toLowerCase();
    return names === undefined || names.some((candidate) => candidate.toLowerCase() === name);
  }

  /**
   * The repository a GraphQL request is about: the one whose node id it carries (updateRefs), or whose name
   * `repository(owner, name)` gives as a variable; otherwise the main one.
   */
  private graphqlState(raw: string, body: unknown): RepoState {
    const variables = (body as { variables?: Record<string, unknown> } | undefined)?.variables ?? {};
    for (const state of this.states.slice(1)) {
      if (raw.includes(state.payloads.repoNodeId)) return state;
      const name = state.payloads.fullName.split('/')[1]?.toLowerCase();
      if (String(variables.name ?? variables.repo ?? '').toLowerCase() === name) return state;
    }
    return this.state;
  }

  /** Validates a request body against the operation's schema; records and returns the problems. */
  private checkRequestBody(
    spec: OperationSpec,
    method: string,
    path: string,
    body: unknown,
  ): SchemaProblem[] {
    if (!spec.requestBody) return [];
    // An absent body is checked as `{}`, so missing required fields are reported the way GitHub words them.
    const document = body ?? {};
    const problems = subset().checkRequest(spec.key, document);
    if (problems.length > 0) {
      this.schemaViolations.push({
        direction: 'request',
        operation: spec.key,
        method,
        path,
        problems: problems.map((problem) => problem.message),
        document,
      });
    }
    return problems;
  }

  /** Records a success response that does not match the description: that is a bug in the fake. */
  private checkResponseBody(spec: OperationSpec, method: string, path: string, body: unknown): void {
    const problems = subset().checkResponse(spec.key, body);
    if (problems.length === 0) return;
    this.responseViolations.push({
      direction: 'response',
      operation: spec.key,
      method,
      path,
      problems: problems.map((problem) => problem.message),
      document: body,
    });
  }

  private async graphql(
    request: IncomingMessage,
    body: unknown,
    entry: RequestLogEntry,
    state: RepoState,
  ): Promise<RouteResponse> {
    const query = (body as { query?: unknown } | undefined)?.query;
    const fault = this.faultQueue.take(
      'POST',
      entry.path,
      '/graphql',
      typeof query === 'string' ? query : undefined,
    );
    if (fault) {
      entry.injected = true;
      return faultResponse(fault, undefined);
    }
    try {
      this.authenticate(request, false);
    } catch (error) {
      if (error instanceof ApiError) return errorResponse(error, undefined);
      throw error;
    }
    const graphqlRequest = (body ?? {}) as GraphqlRequest;
    if (typeof graphqlRequest.query !== 'string') {
      return {
        status: 200,
        body: { errors: [{ message: 'A query attribute must be specified and must be a string.' }] },
      };
    }
    await state.syncPulls();
    const answer = await answerGraphql(state, graphqlRequest, {
      readOnly: this.readOnly,
      withoutUpdateRefs: this.withoutUpdateRefs,
    });
    if (!answer.handled) this.unhandledRequests.push(entry);
    return { status: 200, body: answer.body };
  }

  /**
   * `GET /user`: the token's own account for a user's token; an installation token (GITHUB_TOKEN, an App's)
   * is refused with 403 "Resource not accessible by integration", as GitHub does. Outside the repository
   * routes (and the committed OpenAPI subset), so it is answered here like GraphQL.
   */
  private authenticatedUser(request: IncomingMessage, entry: RequestLogEntry): RouteResponse {
    entry.operation = 'GET /user';
    const fault = this.faultQueue.take('GET', entry.path, '/user');
    if (fault) {
      entry.injected = true;
      return faultResponse(fault, undefined);
    }
    try {
      if (!request.headers.authorization) throw new ApiError(401, { message: 'Requires authentication' });
      this.authenticate(request, false);
      if (this.state.tokenUser.type === 'Bot') throw notAccessible();
    } catch (error) {
      if (error instanceof ApiError) return errorResponse(error, undefined);
      throw error;
    }
    return { status: 200, body: this.state.payloads.user(this.state.tokenUser) };
  }

  /**
   * Without a token GitHub lets anyone read a public repository but writes need authentication; with
   * `options.token` set, only that token is accepted.
   */
  private authenticate(request: IncomingMessage, write: boolean): void {
    const header = request.headers.authorization;
    if (!header) {
      if (write) throw new ApiError(401, { message: 'Requires authentication' });
      return;
    }
    const token = header.replace(/^(token|bearer)\s+/i, '');
    if (this.options.token !== undefined && token !== this.options.token) {
      throw new ApiError(401, { message: 'Bad credentials' });
    }
  }

  private write(response: ServerResponse, answer: RouteResponse, resource: 'core' | 'graphql'): void {
    this.rateUsed += 1;
    const headers: Record<string, string> = {
      'x-github-api-version-selected': '2022-11-28',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-request-id': `FAKE:${this.requests.length.toString(16).toUpperCase()}`,
      'x-ratelimit-limit': '1000',
      'x-ratelimit-remaining': String(Math.max(1000 - this.rateUsed, 0)),
      'x-ratelimit-used': String(this.rateUsed),
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      'x-ratelimit-resource': resource,
      ...answer.headers,
    };
    if (answer.text) {
      headers['content-type'] = answer.text.contentType;
      response.writeHead(answer.status, headers);
      response.end(answer.text.content);
    } else if (answer.body !== undefined) {
      headers['content-type'] = 'application/json; charset=utf-8';
      response.writeHead(answer.status, headers);
      response.end(JSON.stringify(answer.body));
    } else {
      response.writeHead(answer.status, headers);
      response.end();
    }
  }

  // ---- test helpers ----

  actionEnv(): Record<string, string> {
    return {
      GITHUB_API_URL: this.url,
      GITHUB_GRAPHQL_URL: `${this.url}/graphql`,
      GITHUB_SERVER_URL: this.options.webUrl ?? 'https://github.com',
      GITHUB_REPOSITORY: `${this.owner}/${this.repo}`,
      GITHUB_REPOSITORY_OWNER: this.owner,
    };
  }

  repository(name: string): FakeRepository {
    const state = this.stateOf(this.owner, name);
    if (!state) throw new Error(`fake-github: ${this.owner} has no repository ${name}`);
    return {
      name: state.payloads.fullName.split('/')[1] ?? name,
      defaultBranch: state.defaultBranch,
      bareRepoPath: state.git.path,
      pulls: state.pulls,
      issues: state.issues,
      git: (args) => this.serial(() => state.git.git(args)),
      branchSha: (branch) => this.serial(() => state.branchSha(branch)),
      readFile: (commitish, path) =>
        this.serial(async () => (await state.git.readFile(commitish, path))?.toString('utf8') ?? null),
      pushBranch: (branch, files, options) =>
        this.serial(() => seed.pushBranch(state, branch, files, options)),
    };
  }

  git(args: readonly string[]): Promise<string> {
    return this.serial(() => this.state.git.git(args));
  }

  branchSha(branch: string): Promise<string | null> {
    return this.serial(() => this.state.branchSha(branch));
  }

  readFile(commitish: string, path: string): Promise<string | null> {
    return this.serial(
      async () => (await this.state.git.readFile(commitish, path))?.toString('utf8') ?? null,
    );
  }

  seedFromWorkTree(
    dir: string,
    options?: { branch?: string; message?: string; author?: FakeUser },
  ): Promise<string> {
    return this.serial(() => seed.seedFromWorkTree(this.state, dir, options));
  }

  pushBranch(
    name: string,
    files: FileMap,
    options?: { from?: string; message?: string; author?: FakeUser },
  ): Promise<string> {
    return this.serial(() => seed.pushBranch(this.state, name, files, options));
  }

  addCommitOnBranch(branch: string, files: FileMap, author?: FakeUser, message?: string): Promise<string> {
    return this.serial(() => seed.addCommitOnBranch(this.state, branch, files, author, message));
  }

  openPullRequest(pullRequest: PullRequestSeed): Promise<PullRecord> {
    return this.serial(() => seed.openPullRequest(this.state, pullRequest));
  }

  mergePullRequest(number: number, options: { method?: 'merge' | 'squash' } = {}): Promise<string> {
    return this.serial(async () => {
      const pr = this.state.findPull(number);
      if (!pr) throw new Error(`mergePullRequest: #${number} does not exist`);
      return seed.mergePullRequest(this.state, pr, options.method ?? 'merge');
    });
  }

  addIssueComment(issueNumber: number, body: string, user: FakeUser = OCTOCAT): Promise<IssueCommentRecord> {
    return this.serial(async () => seed.addIssueComment(this.state, issueNumber, body, user));
  }

  addReviewComment(input: Parameters<FakeGitHub['addReviewComment']>[0]): Promise<ReviewCommentRecord> {
    return this.serial(() => seed.addReviewComment(this.state, input));
  }

  isThreadResolved(commentId: number): boolean {
    return this.state.resolvedThreads.has(commentId);
  }

  failNext(spec: FaultSpec): FaultHandle {
    return this.faultQueue.add(spec);
  }

  raceBefore(spec: RaceSpec, action: (repo: RaceActions) => Promise<void>): FaultHandle {
    return this.raceQueue.add(spec, action);
  }

  /** Seeding helpers without the serial queue: race actions already run inside it. */
  private raceActions(): RaceActions {
    const state = this.state;
    return {
      pushBranch: (name, files, options) => seed.pushBranch(state, name, files, options),
      addCommitOnBranch: (branch, files, author, message) =>
        seed.addCommitOnBranch(state, branch, files, author, message),
      branchSha: (branch) => state.branchSha(branch),
      commitAsToken: async (parent, files, message) => {
        const changes = [];
        for (const [path, content] of Object.entries(files)) {
          const sha = content === null ? null : await state.git.writeBlob(Buffer.from(content));
          changes.push({ path, mode: '100644', type: 'blob' as const, sha });
        }
        const tree = await state.git.buildTree(await state.git.treeOf(parent), changes);
        return state.createCommit({ tree, parents: [parent], message, signed: true });
      },
      setBranch: (branch, sha) => state.setRef(`refs/heads/${branch}`, sha),
      openPullRequest: (pullRequest) => seed.openPullRequest(state, pullRequest),
    };
  }

  async close(): Promise<void> {
    const server = this.server;
    if (server) {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets (undici keeps them open) would otherwise hold close() forever.
        server.closeAllConnections();
      });
    }
    await this.queue;
    for (const state of this.states) await state.git.destroy();
  }
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** GitHub's error body: message, optional errors, documentation_url, and status as a string. */
function errorResponse(error: ApiError, spec: OperationSpec | undefined): RouteResponse {
  const { message, errors, documentation_url, ...rest } = error.body;
  return {
    status: error.status,
    headers: error.headers,
    body: {
      message,
      ...(errors ? { errors } : {}),
      ...rest,
      documentation_url: documentation_url ?? spec?.documentationUrl ?? DEFAULT_DOCS,
      status: String(error.status),
    },
  };
}

function faultResponse(fault: FaultResponse, spec: OperationSpec | undefined): RouteResponse {
  const body = fault.body ?? { message: STATUS_CODES[fault.status] ?? 'Error' };
  const message = typeof body.message === 'string' ? body.message : (STATUS_CODES[fault.status] ?? 'Error');
  return errorResponse(new ApiError(fault.status, { ...body, message }, fault.headers ?? {}), spec);
}

/** Starts a fake GitHub serving one repository (plus `options.repositories`) on 127.0.0.1 at a random port. */
export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const owner = options.owner ?? 'acme';
  const repo = options.repo ?? 'webapp';
  const startTime = options.startTime ?? new Date('2026-01-05T09:00:00Z');
  const ownerUser: FakeUser = {
    login: owner,
    id: 9_000_001,
    type: 'Organization',
    name: owner,
    email: `${owner}@example.com`,
    association: 'OWNER',
  };
  const seeds: RepositorySeed[] = [
    { name: repo, ...(options.defaultBranch ? { defaultBranch: options.defaultBranch } : {}) },
    ...(options.repositories ?? []),
  ];
  const names = new Set<string>();
  for (const { name } of seeds) {
    if (names.has(name.toLowerCase())) throw new Error(`fake-github: repository ${name} is given twice`);
    names.add(name.toLowerCase());
  }
  // The URL is known only after listen(); payloads read it through these objects, filled in below.
  const identities: RepositoryIdentity[] = [];
  const states: RepoState[] = [];
  try {
    for (const [index, repository] of seeds.entries()) {
      const defaultBranch = repository.defaultBranch ?? 'main';
      const identity: RepositoryIdentity = {
        apiUrl: '',
        webUrl: (options.webUrl ?? 'https://github.com').replace(/\/$/, ''),
        owner: ownerUser,
        repo: repository.name,
        repoId: 9_100_001 + index,
        defaultBranch,
        createdAt: isoTime(startTime),
        archived: repository.archived ?? false,
        fork: repository.fork ?? false,
        private: repository.private ?? false,
        topics: repository.topics ?? [],
        language: repository.language ?? null,
      };
      identities.push(identity);
      const git = await GitStore.create(defaultBranch);
      const state = new RepoState(
        git,
        new Payloads(identity),
        defaultBranch,
        options.tokenUser ?? GITHUB_ACTIONS_BOT,
        startTime,
      );
      state.actionsCanCreatePullRequests = options.allowActionsToCreatePullRequests ?? true;
      state.registerUser(OCTOCAT);
      state.collaborators = [...(options.collaborators ?? [OCTOCAT])];
      for (const user of state.collaborators) state.registerUser(user);
      state.teams = (options.teams ?? []).map((slug, at) => ({ id: 7_000_001 + at, slug, name: slug }));
      states.push(state);
    }
  } catch (error) {
    for (const state of states) await state.git.destroy();
    throw error;
  }
  const fake = new FakeGitHubServer(states, options, owner, repo);
  try {
    await fake.listen();
    for (const identity of identities) identity.apiUrl = fake.url;
    if (options.seedDir !== undefined) {
      await fake.seedFromWorkTree(options.seedDir, { message: 'Initial commit' });
    } else {
      const files = options.files ?? { 'README.md': `# ${repo}\n` };
      if (Object.keys(files).length > 0)
        await fake.pushBranch(states[0]!.defaultBranch, files, { message: 'Initial commit' });
    }
    for (const repository of options.repositories ?? []) {
      const files = repository.files ?? { 'README.md': `# ${repository.name}\n` };
      if (Object.keys(files).length > 0)
        await fake
          .repository(repository.name)
          .pushBranch(repository.defaultBranch ?? 'main', files, { message: 'Initial commit' });
    }
  } catch (error) {
    await fake.close();
    throw error;
  }
  return fake;
}
