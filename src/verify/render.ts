// The verify report as text (the console), JSON (the report as it is) and Markdown (job summaries, PRs).
// Cookie values never reach these: headers carry `…` in their place.
import { escapeControlCharacters } from '../report/control-chars.js';
import { codeSpan, escapeText, tableCell } from '../report/escape.js';
import type { BrowserCheckResult } from './browser.js';
import type {
  BrowserSection,
  CookieAttributes,
  ObservedCookie,
  UnfollowedRedirect,
  VerifyProblem,
  VerifyReport,
} from './types.js';

export function renderVerifyJson(report: VerifyReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** `HttpOnly; Secure; SameSite=Lax; Path=/`: the attributes that matter here, in a fixed order. */
function describeAttributes(a: CookieAttributes): string {
  const parts: string[] = [];
  if (a.httpOnly) parts.push('HttpOnly');
  if (a.secure) parts.push('Secure');
  if (a.sameSite) parts.push(`SameSite=${a.sameSite}`);
  if (a.path !== null) parts.push(`Path=${a.path}`);
  if (a.domain !== null) parts.push(`Domain=${a.domain}`);
  if (a.partitioned) parts.push('Partitioned');
  return parts.length > 0 ? parts.join('; ') : '(no attributes)';
}

function expectedWords(cookie: ObservedCookie): string {
  const flags = [cookie.expected.httpOnly && 'HttpOnly', cookie.expected.secure && 'Secure'].filter(Boolean);
  const needs = flags.length > 0 ? flags.join(' + ') : 'no flag';
  return cookie.expected.source === 'code'
    ? `expects ${needs} (code: ${cookie.expected.sites.join(', ')})`
    : `not judged: no code sets it (its name suggests ${needs})`;
}

/** `ok  ` / `FAIL`, or `info` for a cookie no code location sets (never counted). */
function cookieMark(cookie: ObservedCookie): string {
  if (cookie.expected.source !== 'code') return 'info';
  return cookie.problems.length > 0 ? 'FAIL' : 'ok  ';
}

const BROWSER_CHECKS: Record<BrowserCheckResult['check'], string> = {
  'hidden-from-script': 'must be hidden from scripts',
  'not-sent-over-http': 'must not be sent over http://',
};

export function summarize(report: VerifyReport): string {
  const cookies = report.cookies.length;
  const problems = report.problemCount;
  return `${cookies} cookie${cookies === 1 ? '' : 's'} checked, ${problems} problem${problems === 1 ? '' : 's'}.`;
}

export function renderVerifyText(report: VerifyReport): string {
  const lines: string[] = [];
  for (const step of report.steps) {
    const mark = step.problems.length > 0 ? 'FAIL' : 'ok  ';
    lines.push(`${mark} step "${step.name}": ${step.method} ${step.url} → ${step.status}`);
    for (const problem of step.problems) lines.push(`       ${problem.message}`);
  }
  for (const cookie of report.cookies) {
    const where = cookie.step === null ? cookie.url : `${cookie.url} (step "${cookie.step}")`;
    lines.push(
      `${cookieMark(cookie)} ${cookie.name} from ${where}: ${describeAttributes(cookie.attributes)}; ${expectedWords(cookie)}`,
    );
    for (const problem of [...cookie.problems, ...cookie.notes]) lines.push(`       ${problem.message}`);
  }
  for (const check of report.transport) {
    const mark = check.problems.length > 0 ? 'FAIL' : 'ok  ';
    const answer =
      check.httpAnswer === 'redirects'
        ? `redirects to ${check.detail}`
        : check.httpAnswer === 'unreachable'
          ? 'is not served (no answer over plain HTTP)'
          : check.httpAnswer === 'serves'
            ? check.detail
            : `redirects to ${check.detail}`;
    lines.push(`${mark} ${check.httpUrl} ${answer}`);
    lines.push(
      `info ${check.url}: ${check.hsts === null ? 'no Strict-Transport-Security header' : `Strict-Transport-Security: ${check.hsts}`}`,
    );
  }
  for (const result of report.browser?.results ?? []) {
    lines.push(
      `${result.passed ? 'ok  ' : 'FAIL'} browser: ${result.name} from ${result.url} ${BROWSER_CHECKS[result.check]}: ${result.observed}`,
    );
  }
  for (const cookie of report.browser?.unstored ?? [])
    lines.push(`info browser: ${cookie.name} was not stored: ${cookie.reason}`);
  for (const redirect of report.unfollowedRedirects) lines.push(`info ${redirectWords(redirect)}`);
  for (const cookie of report.unexplained) {
    lines.push(
      `info ${cookie.name} (from ${cookie.url}) is set by no code location the scan found: a proxy, a CDN or a library may add it`,
    );
  }
  if (report.cookies.length === 0) lines.push('No Set-Cookie header was received.');
  lines.push(summarize(report));
  return `${lines.map(escapeControlCharacters).join('\n')}\n`;
}

export function renderVerifyMarkdown(report: VerifyReport): string {
  const out: string[] = ['## Cookie verification', ''];
  out.push(summarize(report), '');
  if (report.cookies.length > 0) {
    out.push('| Cookie | URL | Attributes | Expected | Result |', '| --- | --- | --- | --- | --- |');
    for (const cookie of report.cookies) {
      const messages = (problems: readonly VerifyProblem[]) =>
        problems.map((problem) => escapeText(problem.message)).join('<br>');
      const result =
        cookie.expected.source !== 'code'
          ? `info, not counted${cookie.notes.length > 0 ? `: ${messages(cookie.notes)}` : ''}`
          : cookie.problems.length === 0
            ? 'ok'
            : messages(cookie.problems);
      const url = cookie.step === null ? cookie.url : `${cookie.url} (${cookie.step})`;
      out.push(
        `| ${tableCell(codeSpan(cookie.name))} | ${tableCell(codeSpan(url))} | ${cell(describeAttributes(cookie.attributes))} | ${cell(expectedWords(cookie))} | ${tableCell(result)} |`,
      );
    }
    out.push('');
  }
  if (report.steps.length > 0) {
    out.push('### Scenario steps', '');
    for (const step of report.steps) {
      const box = step.problems.length === 0 ? '- [x]' : '- [ ]';
      const problems = step.problems.map((problem) => escapeText(problem.message)).join('; ');
      out.push(
        `${box} ${escapeText(step.name)}: ${codeSpan(`${step.method} ${step.url}`)} → ${step.status}${problems ? ` (${problems})` : ''}`,
      );
    }
    out.push('');
  }
  if (report.transport.length > 0) {
    out.push('### Transport', '');
    for (const check of report.transport) {
      const box = check.problems.length === 0 ? '- [x]' : '- [ ]';
      out.push(
        `${box} ${codeSpan(check.httpUrl)}: ${check.httpAnswer}${check.detail && check.httpAnswer !== 'unreachable' ? ` (${escapeText(check.detail)})` : ''}`,
      );
      out.push(
        `- Strict-Transport-Security: ${check.hsts === null ? 'not sent' : tableCell(codeSpan(check.hsts))}`,
      );
    }
    out.push('');
  }
  if (report.unfollowedRedirects.length > 0) {
    out.push('### Redirects not followed', '');
    for (const redirect of report.unfollowedRedirects) out.push(`- ${escapeText(redirectWords(redirect))}`);
    out.push('');
  }
  if (report.browser) out.push(...browserMarkdown(report.browser));
  if (report.unexplained.length > 0) {
    out.push('### Cookies no code location explains', '');
    for (const cookie of report.unexplained)
      out.push(
        `- ${codeSpan(cookie.name)} from ${codeSpan(cookie.url)}: a proxy, a CDN or a library may set it`,
      );
    out.push('');
  }
  return `${out.join('\n')}`;
}

function redirectWords(redirect: UnfollowedRedirect): string {
  const step = redirect.step === null ? '' : ` (step "${redirect.step}")`;
  return `${redirect.from}${step} redirects to ${redirect.to}, not followed: ${redirect.reason}; cookies set past it were not checked`;
}

function browserMarkdown(browser: BrowserSection): string[] {
  const out = ['### In the browser', ''];
  if (browser.skipped !== null) out.push(`Not run: ${escapeText(browser.skipped)}`);
  for (const result of browser.results) {
    out.push(
      `${result.passed ? '- [x]' : '- [ ]'} ${codeSpan(result.name)} from ${codeSpan(result.url)} ${BROWSER_CHECKS[result.check]}: ${escapeText(result.observed)}`,
    );
  }
  for (const cookie of browser.unstored)
    out.push(`- ${codeSpan(cookie.name)} was not stored: ${escapeText(cookie.reason)}`);
  out.push('');
  return out;
}

function cell(text: string): string {
  return tableCell(escapeText(text));
}
