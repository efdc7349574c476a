// The verification checklist: concrete checks a reviewer ticks off after deploying the change, one group per
// cookie, naming the cookie and the file. Checks say what to run and what the result must show, because a
// generic "test it" item is ticked without being done.
import { ATTRIBUTE_LABEL } from '../attributes.js';
import type { Attribute, Finding } from '../model.js';
import { codeSpan, shellQuote } from './escape.js';
import { frameworkNotes } from './framework-notes.js';
import type { LinkTarget } from './wording.js';
import {
  cookieLabel,
  cookieName,
  flagList,
  isChanged,
  isTornadoSettingsDict,
  locationMarkdown,
  otherUses,
  problemFlags,
} from './wording.js';

export interface Checklist {
  /** How to read the commands (placeholders), or null when no check uses them. */
  intro: string | null;
  /** One Markdown block per cookie: a lead line and its `- [ ]` items. */
  groups: string[];
  /** Framework-wide checks, after the per-cookie groups. */
  frameworkChecks: string[];
}

const CHECKLIST_INTRO =
  'In the commands, replace `HOST` with a deployed host name and `PATH` with a route that sets the cookie (a login route may need `-X POST` and form fields).';

/** The curl command that prints the response headers and keeps the cookie's `Set-Cookie` line. */
function setCookieCommand(name: string | null): string {
  const pattern = name === null ? 'set-cookie:' : `set-cookie: ${name}=`;
  return `curl -s -o /dev/null -D - https://HOST/PATH | grep -iF ${shellQuote(pattern)}`;
}

/** Attribute names as they appear in the header: `HttpOnly` and `Secure`. */
function attributes(flags: readonly Attribute[]): string {
  return flags.map((flag) => codeSpan(ATTRIBUTE_LABEL[flag])).join(' and ');
}

/** The header check; without a name, grep keeps every `Set-Cookie` line and the reader picks the cookie's. */
function headerCheck(name: string | null, flags: readonly Attribute[]): string {
  const result =
    name === null
      ? `prints the response's \`Set-Cookie\` lines, and the cookie's own line includes ${attributes(flags)}`
      : `prints a line that includes ${attributes(flags)}`;
  return `${codeSpan(setCookieCommand(name))} ${result}`;
}

function task(text: string): string {
  return `  - [ ] ${text}`;
}

function checksForChange(finding: Finding): string[] {
  const name = cookieName(finding);
  const changed: Attribute[] = finding.changedFlags;
  const checks = [
    headerCheck(name, changed),
    `DevTools → Application → Cookies shows ${name === null ? 'the cookie' : codeSpan(name)} with ${flagList(changed)} ticked`,
  ];
  if (changed.includes('httpOnly')) {
    checks.push(
      name === null
        ? '`document.cookie` in the DevTools console no longer lists the cookie'
        : `${codeSpan('document.cookie')} in the DevTools console does not contain ${codeSpan(`${name}=`)}`,
    );
  }
  if (changed.includes('sameSite')) {
    checks.push(
      'a link to the site from another site, and any cross-site form or embed the app relies on, still work',
    );
  }
  if (changed.includes('secure') && finding.kind === 'session') {
    checks.push('logging in over HTTPS still works and the session survives a reload');
  }
  if (changed.includes('secure') && finding.kind === 'csrf') {
    checks.push('a form post or AJAX call protected by this token still succeeds over HTTPS');
  }
  if (isTornadoSettingsDict(finding)) checks.push(tornadoDictCheck(finding));
  return checks;
}

/** The seed's trap: Tornado never reads a `cookie_settings` dict, so the edit only helps where it is splatted. */
export function tornadoDictCheck(finding: Finding): string {
  const uses = otherUses(finding);
  const sites =
    uses.length > 0
      ? ` (cookie-hardener found it splatted at ${uses.map(codeSpan).join(', ')})`
      : ' (cookie-hardener found no call that does)';
  return `${frameworkNotes(finding.framework).unreadOptionsDict?.check ?? ''}${sites}`;
}

function checksForCondition(finding: Finding): string[] {
  const flags = problemFlags(finding);
  const name = cookieName(finding);
  return [
    `the expression that decides ${flagList(flags)} is true where the app really runs (production, staging, previews): against those hosts, ${headerCheck(name, flags)}`,
  ];
}

function group(finding: Finding, link: LinkTarget, checks: readonly string[]): string {
  const lead = `- ${cookieLabel(finding)} at ${locationMarkdown(finding, link)} (${frameworkNotes(finding.framework).name}):`;
  return [lead, ...checks.map(task)].join('\n');
}

/** Findings must already be in report order. */
export function buildChecklist(findings: readonly Finding[], link: LinkTarget): Checklist {
  const groups: string[] = [];
  for (const finding of findings) {
    if (isChanged(finding)) groups.push(group(finding, link, checksForChange(finding)));
    else if (finding.outcome === 'conditional' && finding.problems.length > 0)
      groups.push(group(finding, link, checksForCondition(finding)));
  }

  const frameworks = new Set(
    findings
      .filter((finding) => isChanged(finding) && finding.changedFlags.includes('secure'))
      .map((finding) => finding.framework),
  );
  const frameworkChecks = [...frameworks].sort().flatMap((framework) => {
    const check = frameworkNotes(framework).verifyAfterSecure;
    return check === undefined ? [] : [`- [ ] ${check}`];
  });

  return { intro: groups.length > 0 ? CHECKLIST_INTRO : null, groups, frameworkChecks };
}
