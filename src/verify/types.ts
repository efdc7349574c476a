// The vocabulary of `verify`: what is asked, what the code expects, what the deployment answered. Pure data.
// The JSON report (`--format json`) is VerifyReport as it is: keys are only ever added, never renamed.
import type { BrowserCheckReport } from './browser.js';

/** A flag's expectation at one code site: `https` = the framework sets it on requests it sees as HTTPS. */
export type SiteExpectation = 'required' | 'https' | 'not-required';

/**
 * One place in the code that sets cookies with these names, and what the scan decided for each flag there
 * (the flags the code sets now, plus those the fix sets). Carried by `scan --format json` as `cookies`.
 */
export interface CodeCookie {
  /** Literal cookie names (empty when the code does not spell one, e.g. a session middleware's default). */
  names: string[];
  ruleId: string;
  framework: string;
  file: string;
  /** 1-based. */
  line: number;
  kind: 'session' | 'csrf' | 'other';
  expected: { httpOnly: SiteExpectation; secure: SiteExpectation };
  /** Why a flag is not required, per flag (browser code reads the cookie, the project serves plain HTTP, …). */
  reasons: { httpOnly?: string; secure?: string };
}

/** The attributes of one Set-Cookie header, as RFC 6265bis reads them (last occurrence wins). */
export interface CookieAttributes {
  httpOnly: boolean;
  secure: boolean;
  /** As sent (`Lax`, `Strict`, `None`), or null when absent or not one of these. */
  sameSite: 'Strict' | 'Lax' | 'None' | null;
  path: string | null;
  domain: string | null;
  maxAge: number | null;
  /** ISO 8601, or null when absent or unreadable. */
  expires: string | null;
  partitioned: boolean;
}

export interface SetCookie {
  name: string;
  value: string;
  attributes: CookieAttributes;
  /** Max-Age ≤ 0 or Expires in the past: the server removes the cookie; such headers are not judged. */
  deletion: boolean;
  /** The header as received, value replaced by `…` so no credential is ever shown. */
  header: string;
}

/** What a live cookie is expected to carry, resolved for the URL it came from. */
export interface CookieExpectation {
  httpOnly: boolean;
  secure: boolean;
  /**
   * `code`: from the scan's sites; `name`: no code site explains the cookie, and the flags are only what its
   * name's kind suggests (a hint: such a cookie is informational, its `problems` stay empty).
   */
  source: 'code' | 'name';
  /** `file:line` of the code sites the expectation comes from. */
  sites: string[];
}

export type CookieProblemCode =
  | 'httpOnly-missing'
  | 'secure-missing'
  | 'secure-prefix-not-secure'
  | 'host-prefix-not-secure'
  | 'host-prefix-path'
  | 'host-prefix-domain'
  | 'samesite-none-not-secure'
  | 'expected-cookie-not-set';

export interface VerifyProblem {
  code: CookieProblemCode | TransportProblemCode | StepProblemCode;
  message: string;
}

export interface ObservedCookie {
  name: string;
  /** The URL whose response set it. */
  url: string;
  /** The scenario step's name, or null for a plain GET of a URL given on the command line. */
  step: string | null;
  attributes: CookieAttributes;
  expected: CookieExpectation;
  /** What is wrong, by the code's expectation and the browser rules; each counts toward `problemCount`. */
  problems: VerifyProblem[];
  /**
   * For a cookie no code location sets (`expected.source` `name`): what its name alone or the browser rules
   * would flag. Informational: nothing is decided on a name, so these never count. Empty otherwise.
   */
  notes: VerifyProblem[];
  /** The header, value hidden. */
  header: string;
}

export type TransportProblemCode = 'http-not-redirected';

export interface TransportCheck {
  /** The https URL checked. */
  url: string;
  /** Its http:// form, and what requesting it did. */
  httpUrl: string;
  /**
   * `redirects`: to an https:// URL; `redirects-elsewhere`: to another http:// URL; `serves`: answers over plain
   * HTTP; `unreachable`: no answer (nothing is served there, which is fine).
   */
  httpAnswer: 'redirects' | 'serves' | 'redirects-elsewhere' | 'unreachable';
  /** Where the http:// form redirected to, or the error it gave. */
  detail: string;
  /** The Strict-Transport-Security header of the https answer, or null (informational). */
  hsts: string | null;
  problems: VerifyProblem[];
}

/** A live cookie no code location explains: it may come from a proxy, a CDN or a library (informational). */
export interface UnexplainedCookie {
  name: string;
  url: string;
  step: string | null;
}

export type StepProblemCode = 'unexpected-status' | 'redirect-not-followed';

/**
 * A redirect that was not followed: to another origin (scheme, host or port), from HTTPS to plain HTTP, or to a
 * host not given. Only an http:// → https:// upgrade of the same host leaves the origin. Informational, except
 * in a step that expects cookies (the step gets a `redirect-not-followed` problem).
 */
export interface UnfollowedRedirect {
  /** The URL that answered with the redirect, and where it pointed (both without credentials or query). */
  from: string;
  to: string;
  step: string | null;
  reason: string;
}

export interface StepResult {
  /** The step's name (`GET /login` when the file gives none). */
  name: string;
  method: string;
  url: string;
  status: number;
  expectedStatus: number[] | null;
  /** Cookie names the response set (deletions included). */
  setCookies: string[];
  problems: VerifyProblem[];
}

/**
 * The real-browser check (`--browser`), as browser.ts reports it: `skipped` (no Chromium, no puppeteer-core) is
 * not a problem, each failed result is one, and `unstored` (cookies the browser refused, or that only a scenario
 * step sets while the browser loads the URLs alone) is informational.
 */
export type BrowserSection = BrowserCheckReport;

export interface VerifyReport {
  version: 1;
  cookies: ObservedCookie[];
  transport: TransportCheck[];
  /** Listed, never counted: a cookie no code location explains is not judged on its name. */
  unexplained: UnexplainedCookie[];
  steps: StepResult[];
  /** Redirects not followed, in the order met. */
  unfollowedRedirects: UnfollowedRedirect[];
  browser: BrowserSection | null;
  /**
   * Where the expectations came from: `project` (a scan run now), `findings` (a scan JSON file), `scan` (sites
   * handed in by the caller, e.g. the action's own scan; `path` is then '').
   */
  expectations: { source: 'project' | 'findings' | 'scan'; path: string; sites: number };
  /** The scenario file used, or null. */
  scenario: string | null;
  /**
   * Number of problems across cookies, transport, steps and failed browser results: exit 1 when above zero.
   * Cookies no code location explains (their `notes`) and the browser's `unstored` are not counted.
   */
  problemCount: number;
}

/** A step of a scenario file, validated. Values are still `${VAR}` templates: resolved when run. */
export interface ScenarioStep {
  name: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: { kind: 'form' | 'json'; value: unknown } | null;
  expectStatus: number[] | null;
  expectCookies: string[];
  /** Follow redirects among the given hosts (default); the expected status is the last answer's. */
  followRedirects: boolean;
  /** 1-based line of the step in its file, for errors. */
  line: number;
}

export interface Scenario {
  file: string;
  steps: ScenarioStep[];
}

export interface VerifyRequest {
  /** Absolute http(s) URLs; with a scenario, its paths are resolved against the first. */
  urls: string[];
  /**
   * Where the expectations come from: a project folder scanned in-process, a scan JSON file, or the sites of a
   * scan the caller already ran (`ScanResult.cookies`).
   */
  expectations: { project: string } | { findings: string } | { cookies: readonly CodeCookie[] };
  /** A scenario file path, or null for none (the CLI passes the default file when it exists). */
  scenario: string | null;
  /** PEM file of extra certificate authorities to trust (self-signed deployments). */
  ca: string | null;
  /** Per-request timeout in milliseconds (default 10 000). */
  timeoutMs?: number;
  /** Where `${NAME}` values of a scenario come from (default process.env). */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * Load the URLs in Chromium as well, after the HTTP checks; `httpPort` is where its http:// probe of an
   * https:// URL goes (default 80). Absent or null: no browser.
   */
  browser?: { httpPort?: number } | null;
}
