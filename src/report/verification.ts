// The pull request's one verification checklist: a `curl -sI` per route file with the exact `Set-Cookie`
// attributes to expect, one DevTools step for every cookie (the only place a cookie written by browser code can
// be checked: it never appears in a response header), the project's test command, and each framework's own
// check once. Nothing is repeated per cookie, so 50 cookies still make a list someone will actually tick.
import { ATTRIBUTE_LABEL } from '../attributes.js';
import { groupBy } from '../group-by.js';
import type { Attribute, Finding } from '../model.js';
import { renderCheckMarker, type CheckedCookie } from './check-marker.js';
import { tornadoDictCheck } from './checklist.js';
import { codeSpan } from './escape.js';
import { frameworkNotes, isBrowserCode } from './framework-notes.js';
import { writtenValues } from './fix-values.js';
import type { Route } from './routes.js';
import { routeOf } from './routes.js';
import {
  cookieName,
  isAdvisory,
  isChanged,
  joinAnd,
  isTornadoSettingsDict,
  normalizePath,
  otherUses,
  plural,
  problemFlags,
} from './wording.js';

export interface VerificationPlan {
  /** How to read the commands, or null when there is no command. */
  intro: string | null;
  /** `- [ ]` items; an app's first item carries the app's name as a lead line when there are several apps. */
  items: string[];
}

const INTRO =
  'After deploying this branch (staging is fine): `HOST` is its host, `PATH` a route that sets the cookies named (a login may need its form data); pipe each command through `grep -i set-cookie`. Attributes may come in any order, beside others such as `Path=/`.';

/** A finding the checklist covers, and the attributes it must show once deployed. */
interface Check {
  finding: Finding;
  attributes: Attribute[];
  /** Decided at run time: to check where the app really runs. */
  runtime: boolean;
}

function checkOf(finding: Finding): Check | null {
  if (isChanged(finding)) return { finding, attributes: finding.changedFlags, runtime: false };
  if (finding.outcome === 'conditional' && !isAdvisory(finding))
    return { finding, attributes: problemFlags(finding), runtime: true };
  return null;
}

/** The SameSite value the fix wrote (`Lax`), when it is a plain word we can read. */
function writtenSameSite(check: Check): string | null {
  const written = writtenValues(check.finding).find((entry) => entry.flag === 'sameSite');
  const value = written?.value.replace(/^['"]|['"]$/g, '') ?? '';
  return /^[a-z]+$/i.test(value) ? `${value.charAt(0).toUpperCase()}${value.slice(1).toLowerCase()}` : null;
}

/** `SameSite=Lax` when the fix wrote a value we can read, else the attribute's name. */
function attributeText(check: Check, flag: Attribute): string {
  if (flag !== 'sameSite') return ATTRIBUTE_LABEL[flag];
  const value = writtenSameSite(check);
  return value === null ? 'SameSite' : `SameSite=${value}`;
}

/** What `verify` looks for in the deployment's headers for this check; null when the code names no cookie. */
function checkedCookie(check: Check): CheckedCookie | null {
  const name = cookieName(check.finding);
  if (name === null) return null;
  const sameSite = check.attributes.includes('sameSite') ? writtenSameSite(check) : null;
  return {
    name,
    flags: check.attributes,
    ...(sameSite === 'Lax' || sameSite === 'Strict' || sameSite === 'None' ? { sameSite } : {}),
  };
}

/**
 * The item's hidden marker, or '' when `verify` could not judge the whole item from response headers (a
 * cookie without a name in the code, or one only browser code writes).
 */
function markerFor(checks: readonly Check[]): string {
  const cookies = new Map<string, CheckedCookie>();
  for (const check of checks) {
    if (isBrowserCode(check.finding)) return '';
    const cookie = checkedCookie(check);
    if (cookie === null) return '';
    cookies.set(JSON.stringify(cookie), cookie);
  }
  if (cookies.size === 0) return '';
  const everyHost = checks.some((check) => check.runtime);
  return ` ${renderCheckMarker({ cookies: [...cookies.values()], everyHost })}`;
}

/** The header line to expect: `token=…; HttpOnly; Secure`. */
function expectedHeader(check: Check): string {
  const name = cookieName(check.finding);
  const attributes = check.attributes.map((flag) => attributeText(check, flag)).join('; ');
  const header = codeSpan(`${name ?? '<name>'}=…; ${attributes}`);
  const unnamed = name === null ? ` (line ${check.finding.line}; its name is not in the code)` : '';
  return `${header}${unnamed}${check.runtime ? ' on every deployed host (decided at run time)' : ''}`;
}

/**
 * Where the cookie is set: the finding's own place, or for options defined elsewhere (a dict splatted into a
 * call) the first call that uses them, which is where its route is.
 */
function setAt(finding: Finding): { file: string; line: number; column: number } {
  const use = /^(.*):(\d+)$/.exec(otherUses(finding)[0] ?? '');
  if (use) return { file: use[1] ?? '', line: Number(use[2]), column: 1 };
  return { file: normalizePath(finding.file), line: finding.line, column: finding.column };
}

/** Monorepo folders whose children are separate apps; anything else is one app at the root. */
const APP_ROOT = /^((?:packages|apps|services|sites|projects|examples)\/[^/]+)\//;

function appOf(file: string): string {
  return APP_ROOT.exec(normalizePath(file))?.[1] ?? '';
}

/** The route's command, or the file's when its route is not plain in the code. */
function curlItem(route: Route | null, file: string, checks: readonly Check[]): string {
  // One header per cookie: five handlers setting `user` the same way are one thing to check.
  const headers = [...new Set(checks.map(expectedHeader))];
  const shows = `shows ${joinAnd(headers)}`;
  if (route === null) {
    // The handlers' routes are not plain in the code, and each may set a different cookie.
    const which = headers.length === 1 ? shows : `shows the one it sets: ${headers.join(' or ')}`;
    const routes = checks.length === 1 ? '' : ' (for each route this file serves)';
    return `- [ ] In ${codeSpan(file)}${routes}: ${codeSpan('curl -sI https://HOST/PATH')} ${which}${markerFor(checks)}`;
  }
  const method = route.method === null ? '' : `-X ${route.method} `;
  return `- [ ] ${codeSpan(`curl -sI ${method}https://HOST${route.path}`)} ${shows}${markerFor(checks)}`;
}

const MAX_NAMES = 10;

function nameList(findings: readonly Finding[]): string {
  const named = [...new Set(findings.flatMap((finding) => cookieName(finding) ?? []))];
  const unnamed = findings.filter((finding) => cookieName(finding) === null).length;
  const shown = named.slice(0, MAX_NAMES).map(codeSpan);
  const left = named.length - shown.length;
  const parts = [...shown];
  if (left > 0) parts.push(plural(left, 'other', 'others'));
  if (unnamed > 0)
    parts.push(
      plural(unnamed, 'cookie whose name is not in the code', 'cookies whose names are not in the code'),
    );
  return joinAnd(parts);
}

/** The one DevTools step: which flags to see ticked, and where browser-written cookies are checked. */
function devToolsItem(checks: readonly Check[]): string | null {
  if (checks.length === 0) return null;
  const sentences: string[] = [];
  const withFlag = (flag: Attribute) =>
    checks.filter((check) => check.attributes.includes(flag)).map((check) => check.finding);
  const secure = withFlag('secure');
  const httpOnly = withFlag('httpOnly');
  const sameSite = withFlag('sameSite');
  if (secure.length > 0) sentences.push(`Secure is ticked for ${nameList(secure)}.`);
  if (httpOnly.length > 0)
    sentences.push(
      `HttpOnly is ticked for ${nameList(httpOnly)}, and \`document.cookie\` in the console shows ${httpOnly.length === 1 ? 'no such cookie' : 'none of them'}.`,
    );
  if (sameSite.length > 0) sentences.push(`SameSite is set for ${nameList(sameSite)}.`);
  const browser = checks.filter((check) => isBrowserCode(check.finding)).map((check) => check.finding);
  if (browser.length > 0)
    sentences.push(
      `${nameList(browser)} ${browser.length === 1 ? 'is' : 'are'} written by browser code and never appear${browser.length === 1 ? 's' : ''} in a \`Set-Cookie\` header: this is the check for ${browser.length === 1 ? 'it' : 'them'}.`,
    );
  return `- [ ] DevTools → Application → Cookies on \`HOST\`, after logging in: ${sentences.join(' ')}${markerFor(checks)}`;
}

/**
 * `texts` holds the source of the files it has (the changed files' text before the fix), where a route
 * registered around a cookie call can be read.
 */
export function buildVerificationPlan(
  findings: readonly Finding[],
  testCommand: string | undefined,
  texts: ReadonlyMap<string, string> = new Map(),
): VerificationPlan {
  const checks = findings.flatMap((finding) => checkOf(finding) ?? []);
  const headerChecks = checks.filter((check) => !isBrowserCode(check.finding));
  const apps = groupBy(headerChecks, (check) => appOf(check.finding.file));
  const items: string[] = [];
  for (const [app, appChecks] of [...apps].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const routed = appChecks.map((check) => {
      const { file, line, column } = setAt(check.finding);
      return { check, file, route: routeOf(file, line, column, texts.get(file)) };
    });
    const groups = groupBy(routed, (entry) =>
      entry.route === null ? `file ${entry.file}` : `route ${entry.route.method ?? ''} ${entry.route.path}`,
    );
    const lines = [...groups.values()].map((entries) => {
      const first = entries[0]!;
      return curlItem(
        first.route,
        first.file,
        entries.map((entry) => entry.check),
      );
    });
    // A lead line right after a list item would join that item's text: blank lines around it.
    const lead = `**${app === '' ? 'The root app' : codeSpan(app)}**`;
    if (apps.size > 1) lines[0] = `${items.length > 0 ? '\n' : ''}${lead}\n\n${lines[0] ?? ''}`;
    items.push(...lines);
  }
  const general: string[] = [];
  const devTools = devToolsItem(checks);
  if (devTools !== null) general.push(devTools);
  if (testCommand !== undefined && checks.length > 0)
    general.push(`- [ ] ${codeSpan(testCommand)} passes on this branch.`);
  general.push(...frameworkChecks(findings));
  if (apps.size > 1 && general.length > 0) general[0] = `\n**Every app**\n\n${general[0] ?? ''}`;
  items.push(...general);
  return { intro: headerChecks.length > 0 ? INTRO : null, items };
}

/** Each framework's own check once, and the Tornado options-dict check for each such dict. */
function frameworkChecks(findings: readonly Finding[]): string[] {
  const secureFrameworks = new Set(
    findings
      .filter((finding) => isChanged(finding) && finding.changedFlags.includes('secure'))
      .map((finding) => finding.framework),
  );
  const perFramework = [...secureFrameworks].sort().flatMap((framework) => {
    const check = frameworkNotes(framework).verifyAfterSecure;
    return check === undefined ? [] : [`- [ ] ${check}`];
  });
  const dicts = findings
    .filter((finding) => isChanged(finding) && isTornadoSettingsDict(finding))
    .map((finding) => `- [ ] ${tornadoDictCheck(finding)}`);
  return [...perFramework, ...dicts];
}
