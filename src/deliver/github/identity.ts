// Who the run's token acts as. Hidden markers in bodies and comments are trusted only when that identity wrote
// them: anyone can paste `<!-- cookie-hardener:… -->` into a comment, nobody else can post as the token.
//
// How each kind of token answers (GitHub's documented behaviour, confirmed by projects that hit it):
// - GraphQL `viewer { login }` answers for every kind: a personal access token gives the user's login, an
//   installation token (GITHUB_TOKEN, an App's token) gives the app's bot login, `<slug>[bot]`.
// - REST `GET /user` answers only for user tokens; installation tokens get 403 "Resource not accessible by
//   integration". It is the fallback for servers whose GraphQL endpoint is unreachable.
// - `GET /app` needs the App's JWT and is of no use with an installation token.
import type { GitHubClient } from './client.js';

export interface TokenIdentity {
  login: string;
}

export interface IdentityOptions {
  /** GITHUB_GRAPHQL_URL: on GitHub Enterprise Server it is not the REST base plus /graphql. */
  graphqlUrl?: string;
}

/** One lookup per client (that is, per run), shared by every caller that needs it. */
const lookups = new WeakMap<object, Promise<TokenIdentity | null>>();

/**
 * The login the token acts as, or null when GitHub would not say (then nothing may be trusted as ours).
 * Never throws: a failed lookup is an answer, and the callers decide how careful to be without one.
 */
export function tokenIdentity(
  octokit: GitHubClient,
  options: IdentityOptions = {},
): Promise<TokenIdentity | null> {
  let lookup = lookups.get(octokit);
  if (!lookup) {
    lookup = lookUp(octokit, options);
    lookups.set(octokit, lookup);
  }
  return lookup;
}

async function lookUp(octokit: GitHubClient, options: IdentityOptions): Promise<TokenIdentity | null> {
  try {
    const data = await octokit.graphql<{ viewer?: { login?: unknown } | null }>({
      query: 'query { viewer { login } }',
      ...(options.graphqlUrl ? { url: options.graphqlUrl } : {}),
    });
    const login = data.viewer?.login;
    if (typeof login === 'string' && login !== '') return { login };
  } catch {
    // Fall through to REST: some proxies and older servers do not pass GraphQL.
  }
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    if (typeof data.login === 'string' && data.login !== '') return { login: data.login };
  } catch {
    // 403 for installation tokens, or no network: unknown.
  }
  return null;
}

/** The author fields GitHub puts on pull requests, issue comments, review comments and reviews (REST). */
export interface AuthorLike {
  login?: string | null;
  type?: string | null;
}

/**
 * Whether a REST author is the token's identity. Logins compare without case (GitHub's logins are
 * case-insensitive). A viewer login given without the `[bot]` suffix (GraphQL spells bots that way in some
 * places) matches the bot account of that name, and only a Bot-typed one, never a user who took the name.
 */
export function isAuthoredBy(identity: TokenIdentity | null, author: AuthorLike | null | undefined): boolean {
  if (!identity || !author || typeof author.login !== 'string') return false;
  const mine = identity.login.toLowerCase();
  const theirs = author.login.toLowerCase();
  if (theirs === mine) return true;
  return !mine.endsWith('[bot]') && author.type === 'Bot' && theirs === `${mine}[bot]`;
}
