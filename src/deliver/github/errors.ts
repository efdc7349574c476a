// GitHub API errors translated once, into sentences that say what to change.

export interface ApiError {
  status: number;
  message: string;
}

/** The status and GitHub's own message of the API client's RequestError (or null for anything else). */
export function apiErrorOf(error: unknown): ApiError | null {
  if (!error || typeof error !== 'object' || !('status' in error)) return null;
  const status = Number((error as { status: unknown }).status);
  const data = (error as { response?: { data?: unknown } }).response?.data;
  let message = (error as { message?: string }).message ?? '';
  if (data && typeof data === 'object' && 'message' in data) {
    message = String((data as { message: unknown }).message);
    const details = (data as { errors?: Array<{ message?: string } | string> }).errors;
    if (Array.isArray(details) && details.length > 0) {
      const texts = details
        .map((detail) => (typeof detail === 'string' ? detail : (detail.message ?? '')))
        .filter(Boolean);
      if (texts.length > 0) message = `${message}: ${texts.join('; ')}`;
    }
  }
  return Number.isFinite(status) ? { status, message } : null;
}

export function isPullRequestsNotPermitted(error: ApiError): boolean {
  return /not permitted to create or approve pull requests/i.test(error.message);
}

export function isPullRequestAlreadyExists(error: ApiError): boolean {
  return error.status === 422 && /a pull request already exists/i.test(error.message);
}

/** A sentence that explains the failure and the fix, for the workflow log. */
export function explainApiError(error: ApiError, doing: string): string {
  if (isPullRequestsNotPermitted(error)) {
    return (
      `GitHub refused to let the workflow token ${doing}: "GitHub Actions is not permitted to create or approve pull requests". ` +
      'Turn on Settings → Actions → General → Workflow permissions → "Allow GitHub Actions to create and approve pull requests" ' +
      '(for an organisation, the same setting at the organisation level), or pass a GitHub App token as `token`.'
    );
  }
  if (/workflow.*without.*workflows.*permission|`workflows` scope/i.test(error.message)) {
    return (
      `GitHub refused to ${doing} because the change touches .github/workflows and the token lacks the \`workflows\` permission. ` +
      'cookie-hardener never edits workflow files; exclude them or use a token with `workflows: write`.'
    );
  }
  if (error.status === 403 && /resource not accessible by integration/i.test(error.message)) {
    return (
      `The token cannot ${doing} (HTTP 403 "Resource not accessible by integration"): it is read-only. ` +
      'Give the job `permissions: { contents: write, pull-requests: write }` (for a GitHub App token, give the App Contents and Pull requests read and write access). Pull requests from forks always get a read-only token; ' +
      'use `mode: report` there.'
    );
  }
  if (error.status === 401)
    return `The token was rejected while trying to ${doing} (HTTP 401): check the \`token\` input.`;
  if (error.status === 404) {
    return `GitHub answered 404 while trying to ${doing}: the repository or branch does not exist, or the token cannot see it.`;
  }
  return `GitHub API error while trying to ${doing}: HTTP ${error.status} ${error.message}`;
}

export class DeliveryError extends Error {
  override name = 'DeliveryError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** Runs one GitHub call; its failure becomes a DeliveryError that says what was being done and why it failed. */
export async function call<T>(doing: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    const api = apiErrorOf(error);
    throw new DeliveryError(
      api ? explainApiError(api, doing) : `${doing} failed: ${(error as Error).message}`,
      api?.status,
    );
  }
}
