// Who the run's token acts as, and the one test of whether a pull request, comment, review or commit is that
// account's. Hidden markers are trusted only when that identity wrote them: anyone can paste
// `<!-- cookie-hardener:… -->` into a comment, nobody else can post as the token.
//
// How each kind of token answers (GitHub's documented behaviour, confirmed by projects that hit it):
// - GraphQL `viewer { login databaseId }` answers for every kind: a personal access token gives the user, an
//   installation token (GITHUB_TOKEN, an App's token) gives the app's bot, `<slug>[bot]` (GITHUB_TOKEN:
//   `github-actions[bot]`, account 41898282).
// - REST `GET /user` answers only for user tokens; installation tokens get 403 "Resource not accessible by
//   integration". It is the fallback for servers and proxies that do not pass GraphQL.
// - `GET /app` needs the App's JWT and is of no use with an installation token.

/** Who the run's token acts as. The id is the account id, the same in REST and GraphQL. */
export interface HostIdentity {
  login: string;
  id: number | null;
}

/** The author fields GitHub puts on pull requests, comments, reviews and commits. */
export interface AuthorLike {
  login?: string | null;
  id?: number | null;
  /** REST's `user.type` ("User", "Bot", "Organization"); absent where the source does not say. */
  type?: string | null;
}

/** The two ways of asking GitHub; each may throw or answer without a usable login. */
export interface IdentitySources {
  viewer: () => Promise<{ login?: unknown; databaseId?: unknown } | null | undefined>;
  user: () => Promise<{ login?: unknown; id?: unknown } | null | undefined>;
}

/**
 * The GraphQL viewer, else `GET /user`. Throws when neither names an account (the viewer's failure when
 * there was one, since that is the lookup every token should pass): without an identity nothing may be
 * trusted as ours, and the caller decides whether to stop or report.
 */
export async function learnIdentity(sources: IdentitySources): Promise<HostIdentity> {
  let failure: unknown = null;
  try {
    const viewer = await sources.viewer();
    if (typeof viewer?.login === 'string' && viewer.login !== '') {
      return { login: viewer.login, id: typeof viewer.databaseId === 'number' ? viewer.databaseId : null };
    }
  } catch (error) {
    failure = error;
  }
  try {
    const user = await sources.user();
    if (typeof user?.login === 'string' && user.login !== '') {
      return { login: user.login, id: typeof user.id === 'number' ? user.id : null };
    }
  } catch (error) {
    failure ??= error;
  }
  throw failure ?? new Error('GitHub named no account for the token');
}

/**
 * Whether `author` is the account the token acts as. Account ids are compared when both sides have one: a
 * login can be renamed and then taken by someone else, an id cannot. Without ids, logins compare without
 * case (GitHub's are case-insensitive), and a login given without `[bot]` (GraphQL spells bots that way in
 * some places) matches the Bot account of that name only, never a user who took the bare name.
 */
export function isSelf(author: AuthorLike | null | undefined, identity: HostIdentity | null): boolean {
  if (!identity || !author) return false;
  if (identity.id !== null && typeof author.id === 'number') return author.id === identity.id;
  if (typeof author.login !== 'string' || author.login === '') return false;
  const mine = identity.login.toLowerCase();
  const theirs = author.login.toLowerCase();
  if (theirs === mine) return true;
  return !mine.endsWith('[bot]') && author.type === 'Bot' && theirs === `${mine}[bot]`;
}
