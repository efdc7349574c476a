// A `deployment_status` event as verify needs it: which commit went where, whether it finished, and the URL to
// check. Vercel, Netlify, Render and GitHub environments all send these events; what they fill in differs, so
// the URL is the first usable one of environment_url, target_url and the workflow's `verify-url`.

export interface DeploymentStatusEvent {
  /** `success`, `failure`, `error`, `pending`, `in_progress`, `queued`, `inactive`. */
  state: string;
  /** The deployed commit. */
  sha: string;
  /** The environment's name (`Preview`, `staging`), or null when the event names none. */
  environment: string | null;
  environmentUrl: string | null;
  targetUrl: string | null;
  /** Where the deployment's log is; GitHub copies it into target_url, which then is no app to check. */
  logUrl: string | null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** The event's facts, or null when the payload is not a deployment_status event's. */
export function readDeploymentStatus(payload: Record<string, unknown>): DeploymentStatusEvent | null {
  const status = record(payload.deployment_status);
  const deployment = record(payload.deployment);
  const state = text(status.state);
  const sha = text(deployment.sha);
  if (state === null || sha === null || !/^[0-9a-f]{40}$/i.test(sha)) return null;
  return {
    state: state.toLowerCase(),
    sha: sha.toLowerCase(),
    environment: text(status.environment) ?? text(deployment.environment),
    environmentUrl: text(status.environment_url),
    targetUrl: text(status.target_url),
    logUrl: text(status.log_url),
  };
}

/**
 * Why a URL cannot be verified, or null when it can: only absolute http(s) URLs, and none carrying a user or
 * password (the URL is shown in the log, the job summary and the pull request's comment).
 */
export function unusableUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'it is not an absolute URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return 'only http:// and https:// URLs can be verified';
  if (url.username !== '' || url.password !== '')
    return 'it carries credentials, which would be shown in the log and the pull request (give them as a header of a `verify-scenario` step instead)';
  return null;
}

export interface ChosenUrl {
  url: string;
  from: 'environment_url' | 'target_url' | 'verify-url';
}

/**
 * The URL to verify: the event's environment_url, else its target_url, else the input; with the candidates
 * passed over and why (null when none is usable).
 */
export function deploymentUrl(
  event: DeploymentStatusEvent,
  input: string | null,
): { chosen: ChosenUrl | null; skipped: string[] } {
  const candidates: Array<[ChosenUrl['from'], string | null]> = [
    ['environment_url', event.environmentUrl],
    ['target_url', event.targetUrl],
    ['verify-url', input],
  ];
  const skipped: string[] = [];
  for (const [from, url] of candidates) {
    if (url === null) continue;
    if (from === 'target_url' && url === event.logUrl) {
      skipped.push(
        "target_url is not used: it is the deployment's log_url (GitHub copies one into the other)",
      );
      continue;
    }
    const problem = unusableUrl(url);
    if (problem === null) return { chosen: { url, from }, skipped };
    skipped.push(`${from} is not used: ${problem}`);
  }
  return { chosen: null, skipped };
}
