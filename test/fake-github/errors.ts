// GitHub's error answers. Route handlers throw these; the server adds `documentation_url` (the operation's
// page in GitHub's REST docs) and `status` (a string, as GitHub has sent since 2024) when it writes the body,
// so every error the fake returns has the shape clients parse: { message, errors?, documentation_url, status }.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: { message: string; errors?: unknown[] } & Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status} ${body.message}`);
  }
}

/** Missing resources, unknown routes and repositories the token cannot see all look the same on GitHub. */
export function notFound(): ApiError {
  return new ApiError(404, { message: 'Not Found' });
}

/** A 422 whose `errors` are objects: { resource, code, field?, message? }. Used by pulls, comments, labels. */
export function validationFailed(...errors: Record<string, string>[]): ApiError {
  return new ApiError(422, { message: 'Validation Failed', errors });
}

/** A 422 whose `errors` are plain strings. This is what the reviews endpoint answers. */
export function unprocessableEntity(...errors: string[]): ApiError {
  return new ApiError(422, { message: 'Unprocessable Entity', errors });
}

/** A 422 that carries only a message, as the Git Data endpoints answer ("Reference already exists"). */
export function unprocessable(message: string): ApiError {
  return new ApiError(422, { message });
}

/** What a GITHUB_TOKEN without the needed permission (e.g. on a fork's pull request) gets for any write. */
export function notAccessible(): ApiError {
  return new ApiError(403, { message: 'Resource not accessible by integration' });
}

/**
 * The repository setting "Allow GitHub Actions to create and approve pull requests" is off. For creating a
 * pull request GitHub answers 403 with this message (github/docs#36525 quotes the body).
 */
export function actionsCannotCreatePullRequests(): ApiError {
  return new ApiError(403, {
    message: 'GitHub Actions is not permitted to create or approve pull requests.',
  });
}

/** The same setting seen from the reviews endpoint, which answers 422 (github/docs#31550 quotes the body). */
export function actionsCannotApprove(): ApiError {
  return unprocessableEntity('GitHub Actions is not permitted to approve pull requests.');
}

/** Rails' `to_sentence`, which is how GitHub joins several validation messages into one string. */
export function toSentence(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  if (parts.length === 2) return `${parts[0]} and ${parts[1]}`;
  return `${parts.slice(0, -1).join(', ')}, and ${parts[parts.length - 1]}`;
}
