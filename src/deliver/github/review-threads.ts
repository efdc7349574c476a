// Review threads exist only in GraphQL: reading whether each of our comments' threads is resolved, and
// resolving the ones whose finding is gone. Every failure is reported and answered with `null` / `false`, so
// the caller can fall back to editing the comment instead.
import type { GitHubClient } from './client.js';
import type { Logger } from './remediation-pr.js';

export interface ThreadTarget {
  owner: string;
  repo: string;
  pullNumber: number;
  /** GITHUB_GRAPHQL_URL: on GitHub Enterprise Server it is not the REST base plus /graphql. */
  graphqlUrl: string;
}

export interface Thread {
  id: string;
  isResolved: boolean;
}

const THREADS_QUERY = `query($owner: String!, $name: String!, $number: Int!, $cursor: String) {
  repository(owner: $owner, name: $name) {
    pullRequest(number: $number) {
      reviewThreads(first: 100, after: $cursor) {
        pageInfo { hasNextPage endCursor }
        nodes { id isResolved comments(first: 1) { nodes { databaseId } } }
      }
    }
  }
}`;

interface ThreadsPage {
  repository: {
    pullRequest: {
      reviewThreads: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: Array<{ id: string; isResolved: boolean; comments: { nodes: Array<{ databaseId: number }> } }>;
      };
    } | null;
  } | null;
}

/** Review threads by the id of their first comment; null when GraphQL cannot be reached. */
export async function readThreads(
  github: GitHubClient,
  request: ThreadTarget,
  log: Logger,
): Promise<Map<number, Thread> | null> {
  const threads = new Map<number, Thread>();
  let cursor: string | null = null;
  try {
    for (let page = 0; page < 50; page++) {
      // `url` is a request option, accepted only in the one-argument form.
      const data: ThreadsPage = await github.graphql<ThreadsPage>({
        query: THREADS_QUERY,
        owner: request.owner,
        name: request.repo,
        number: request.pullNumber,
        cursor,
        url: request.graphqlUrl,
      });
      const connection = data.repository?.pullRequest?.reviewThreads;
      if (!connection) break;
      for (const node of connection.nodes) {
        const first = node.comments.nodes[0]?.databaseId;
        if (first !== undefined) threads.set(first, { id: node.id, isResolved: node.isResolved });
      }
      if (!connection.pageInfo.hasNextPage) break;
      cursor = connection.pageInfo.endCursor;
    }
    return threads;
  } catch (error) {
    log.warning(
      `Could not read the review threads through GraphQL (${(error as Error).message}); fixed comments are edited instead.`,
    );
    return null;
  }
}

export async function resolveThread(
  github: GitHubClient,
  request: ThreadTarget,
  threadId: string,
  log: Logger,
): Promise<boolean> {
  try {
    await github.graphql({
      query:
        'mutation($threadId: ID!) { resolveReviewThread(input: { threadId: $threadId }) { thread { id isResolved } } }',
      threadId,
      url: request.graphqlUrl,
    });
    return true;
  } catch (error) {
    log.warning(
      `Could not resolve a review thread (${(error as Error).message}); editing the comment instead.`,
    );
    return false;
  }
}
