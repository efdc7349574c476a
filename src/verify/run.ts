// `verify`: request the deployment (plain GETs, or the scenario's steps), read every Set-Cookie on the way,
// and judge each against what the code expects; then check the transport, and with `browser` what Chromium does
// with the cookies (in-browser.ts). Talks only to the hosts given.
import { readFileSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { cookieProblems } from './checks.js';
import { Client, type Exchange } from './client.js';
import { cookiesFromFindingsFile, cookiesFromProject, expectationFor } from './expectations.js';
import { send, shownUrl } from './http.js';
import { checkInBrowser } from './in-browser.js';
import { redactDeep, redactor, variablesIn } from './redact.js';
import { headerProblem, parseScenario, resolveValue } from './scenario.js';
import type {
  ObservedCookie,
  Scenario,
  ScenarioStep,
  StepResult,
  TransportCheck,
  UnexplainedCookie,
  UnfollowedRedirect,
  VerifyReport,
  VerifyRequest,
} from './types.js';

export type { VerifyReport, VerifyRequest } from './types.js';

const DEFAULT_TIMEOUT_MS = 10_000;

export async function runVerify(request: VerifyRequest): Promise<VerifyReport> {
  const urls = request.urls.map(parseUrl);
  if (urls.length === 0) throw new UsageError('`verify` needs at least one URL');
  const scenario = request.scenario === null ? null : loadScenario(request.scenario);
  const env = request.env ?? process.env;
  const redact = redactor(
    variablesIn(scenario?.steps.map((step) => [step.path, step.headers, step.body?.value]) ?? []),
    env,
  );
  try {
    return redactDeep(await verifyWith(request, urls, scenario, env), redact);
  } catch (error) {
    // A failure names the URL requested, whose path may carry a scenario's secret.
    if (error instanceof UsageError) error.message = redact(error.message);
    throw error;
  }
}

async function verifyWith(
  request: VerifyRequest,
  urls: readonly URL[],
  scenario: Scenario | null,
  env: Readonly<Record<string, string | undefined>>,
): Promise<VerifyReport> {
  const ca = request.ca === null ? null : readCa(request.ca);
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!(timeoutMs >= 1)) throw new UsageError('the timeout must be at least 1 ms');
  // Scenario values are resolved before any request, so a missing variable stops the run at once.
  const steps = scenario?.steps.map((step) => resolveStep(step, env, scenario.file)) ?? null;
  const source = request.expectations;
  const sites =
    'project' in source
      ? await cookiesFromProject(source.project)
      : 'findings' in source
        ? cookiesFromFindingsFile(source.findings)
        : source.cookies;

  const hosts = new Set(urls.map((url) => url.hostname));
  const client = new Client(hosts, timeoutMs, ca);
  const cookies: ObservedCookie[] = [];
  const stepResults: StepResult[] = [];
  const unfollowedRedirects: UnfollowedRedirect[] = [];
  const record = (exchanges: readonly Exchange[], step: string | null) => {
    const last = exchanges.at(-1);
    if (last?.unfollowed) unfollowedRedirects.push({ from: shownUrl(last.url), ...last.unfollowed, step });
    for (const exchange of exchanges) {
      for (const cookie of exchange.cookies) {
        // A deletion (Max-Age=0, a past Expires) removes a cookie: its flags protect nothing.
        if (cookie.deletion) continue;
        const expected = expectationFor(cookie.name, exchange.url, sites);
        const found = cookieProblems(cookie, expected);
        // No code location sets it: what its name suggests is shown, never counted.
        const explained = expected.source === 'code';
        cookies.push({
          name: cookie.name,
          url: shownUrl(exchange.url),
          step,
          attributes: cookie.attributes,
          expected,
          problems: explained ? found : [],
          notes: explained ? [] : found,
          header: cookie.header,
        });
      }
    }
  };

  for (const url of urls) {
    if (steps === null) {
      record(await client.request('GET', url, {}, null, true), null);
      continue;
    }
    for (const step of steps) {
      const target = new URL(step.path, url);
      const { headers, body } = encodeBody(step);
      const exchanges = await client.request(step.method, target, headers, body, step.followRedirects);
      record(exchanges, step.name);
      stepResults.push(stepResult(step, target, exchanges));
    }
  }

  const transport: TransportCheck[] = [];
  for (const url of urls) {
    if (url.protocol !== 'https:') continue;
    transport.push(await checkTransport(url, timeoutMs, ca));
  }

  const unexplained: UnexplainedCookie[] = [];
  for (const cookie of cookies) {
    if (cookie.expected.source !== 'name') continue;
    if (unexplained.some((entry) => entry.name === cookie.name && entry.url === cookie.url)) continue;
    unexplained.push({ name: cookie.name, url: cookie.url, step: cookie.step });
  }
  const browser = request.browser
    ? await checkInBrowser(urls, cookies, {
        ca,
        ...(request.browser.httpPort !== undefined && { httpPort: request.browser.httpPort }),
        timeoutMs,
      })
    : null;
  const problemCount =
    [...cookies, ...transport, ...stepResults].reduce((sum, entry) => sum + entry.problems.length, 0) +
    (browser?.results.filter((result) => !result.passed).length ?? 0);
  return {
    version: 1,
    cookies,
    transport,
    unexplained,
    steps: stepResults,
    unfollowedRedirects,
    browser,
    expectations:
      'project' in source
        ? { source: 'project', path: source.project, sites: sites.length }
        : 'findings' in source
          ? { source: 'findings', path: source.findings, sites: sites.length }
          : { source: 'scan', path: '', sites: sites.length },
    scenario: scenario?.file ?? null,
    problemCount,
  };
}

function parseUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(
      `${JSON.stringify(maskedArgument(text))} is not a URL (give it in full: https://example.com/)`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`${JSON.stringify(shownUrl(url))}: only http:// and https:// URLs can be verified`);
  return url;
}

/** An argument that is no URL, as an error shows it: no user info, query or fragment (they may be secrets). */
function maskedArgument(text: string): string {
  return text.replace(/[?#][\s\S]*$/, '').replace(/^([^/?#]*\/\/|)([^/?#]*)@/, '$1…@');
}

function loadScenario(path: string): Scenario {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`the scenario file ${JSON.stringify(path)} cannot be read`);
  }
  return parseScenario(path, text);
}

function readCa(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`\`--ca\` ${JSON.stringify(path)} cannot be read`);
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----'))
    throw new UsageError(`\`--ca\` ${JSON.stringify(path)} holds no PEM certificate`);
  return text;
}

function resolveStep(
  step: ScenarioStep,
  env: Readonly<Record<string, string | undefined>>,
  file: string,
): ScenarioStep {
  const headers = resolveValue(step.headers, env, file, step);
  for (const [name, value] of Object.entries(headers)) {
    const problem = headerProblem(name, value);
    if (problem !== null) throw new UsageError(`${file}:${step.line}: step "${step.name}": ${problem}`);
  }
  return {
    ...step,
    path: resolveValue(step.path, env, file, step),
    headers,
    body: step.body && { kind: step.body.kind, value: resolveValue(step.body.value, env, file, step) },
  };
}

function encodeBody(step: ScenarioStep): { headers: Record<string, string>; body: string | null } {
  if (step.body === null) return { headers: step.headers, body: null };
  const has = (name: string) => Object.keys(step.headers).some((key) => key.toLowerCase() === name);
  if (step.body.kind === 'json') {
    return {
      headers: { ...(has('content-type') ? {} : { 'content-type': 'application/json' }), ...step.headers },
      body: JSON.stringify(step.body.value),
    };
  }
  const form = new URLSearchParams(step.body.value as Record<string, string>).toString();
  return {
    headers: {
      ...(has('content-type') ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
      ...step.headers,
    },
    body: form,
  };
}

function stepResult(step: ScenarioStep, target: URL, exchanges: readonly Exchange[]): StepResult {
  const last = exchanges.at(-1)!;
  const problems: StepResult['problems'] = [];
  if (step.expectStatus !== null && !step.expectStatus.includes(last.status)) {
    problems.push({
      code: 'unexpected-status',
      message: `step "${step.name}" answered ${last.status}, expected ${step.expectStatus.join(' or ')}`,
    });
  }
  const set = new Set(
    exchanges.flatMap((exchange) => exchange.cookies.filter((c) => !c.deletion).map((c) => c.name)),
  );
  const unfollowed = last.unfollowed;
  if (unfollowed && step.expectCookies.length > 0) {
    problems.push({
      code: 'redirect-not-followed',
      message: `step "${step.name}": the redirect to ${unfollowed.to} was not followed (${unfollowed.reason})`,
    });
  }
  for (const name of step.expectCookies) {
    if (!set.has(name))
      problems.push({
        code: 'expected-cookie-not-set',
        message: `step "${step.name}" did not set the cookie ${name}`,
      });
  }
  return {
    name: step.name,
    method: step.method,
    url: shownUrl(target),
    status: last.status,
    expectedStatus: step.expectStatus,
    setCookies: [...new Set(exchanges.flatMap((exchange) => exchange.cookies.map((cookie) => cookie.name)))],
    problems,
  };
}

/** The http:// form of an HTTPS URL should redirect to https://; HSTS is noted, not required. */
async function checkTransport(url: URL, timeoutMs: number, ca: string | null): Promise<TransportCheck> {
  const secure = await send({ method: 'GET', url, headers: {}, body: null, timeoutMs, ca });
  const hstsHeader = secure.headers['strict-transport-security'];
  const hsts = hstsHeader === undefined ? null : String(hstsHeader);
  // Only scheme, host, port and path: credentials and the query (a token, a bypass secret) never go out in clear.
  const plain = new URL(`http://${url.host}${url.pathname}`);
  const check: TransportCheck = {
    url: shownUrl(url),
    httpUrl: shownUrl(plain),
    httpAnswer: 'unreachable',
    detail: '',
    hsts,
    problems: [],
  };
  let answer;
  try {
    answer = await send({ method: 'GET', url: plain, headers: {}, body: null, timeoutMs, ca: null });
  } catch (error) {
    // Nothing listening on plain HTTP is as safe as a redirect: no page is served there.
    check.detail = (error as Error).message;
    return check;
  }
  const location = answer.headers.location;
  if (answer.status >= 300 && answer.status <= 399 && location) {
    const target = URL.canParse(location, plain.href) ? new URL(location, plain) : null;
    check.detail = target ? shownUrl(target) : location;
    check.httpAnswer = target?.protocol === 'https:' ? 'redirects' : 'redirects-elsewhere';
  } else {
    check.httpAnswer = 'serves';
    check.detail = `answered ${answer.status}`;
  }
  if (check.httpAnswer !== 'redirects') {
    check.problems.push({
      code: 'http-not-redirected',
      message: `${check.httpUrl} ${check.httpAnswer === 'serves' ? `answers ${answer.status} over plain HTTP` : `redirects to ${check.detail}`} instead of redirecting to https://`,
    });
  }
  return check;
}
