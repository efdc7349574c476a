// The one thing most likely to break when this pull request is merged, with the line to check or add: the
// third line of the body's TL;DR. Chosen from the findings' own facts (what was written, the framework's
// behaviour behind a proxy, the policy's before-merging lines), worst first, so a maintainer who reads
// nothing else still sees it.
import type { Finding } from '../model.js';
import { codeSpan, escapeProse } from './escape.js';
import { frameworkNotes } from './framework-notes.js';
import { secureIsConstant } from './fix-values.js';
import { cookieName, isChanged, normalizePath, SEVERITY_ORDER } from './wording.js';

export interface BreakRisk {
  /** The bold label the sentence follows: what can break, or what to do first. */
  label: 'Can break' | 'Before merging';
  /** Markdown: one sentence, or two. */
  text: string;
  /** The before-merging lines this sentence already covers (not repeated below the TL;DR). */
  covers: string[];
}

const MAX_NAMES = 4;

function names(findings: readonly Finding[]): string {
  const all = [...new Set(findings.flatMap((finding) => cookieName(finding) ?? []))];
  if (all.length === 0) return findings.length === 1 ? 'the cookie' : 'these cookies';
  const shown = all.slice(0, MAX_NAMES).map(codeSpan);
  const left = all.length - shown.length;
  return left > 0 ? `${shown.join(', ')} and ${left} more` : shown.join(', ');
}

function addsSecure(finding: Finding): boolean {
  return isChanged(finding) && finding.changedFlags.includes('secure');
}

function firstEvidence(finding: Finding): string {
  const item = finding.evidence[0];
  return item === undefined ? '' : ` (${codeSpan(`${normalizePath(item.file)}:${item.line}`)})`;
}

/** Secure written as a constant in a framework that then refuses plain-HTTP requests, and the app looks proxied. */
function untrustedProxyBreak(changed: readonly Finding[]): BreakRisk | null {
  const hit = changed.find(
    (finding) =>
      addsSecure(finding) &&
      secureIsConstant(finding) &&
      finding.beforeMerging.length > 0 &&
      frameworkNotes(finding.framework).proxyTrust !== undefined,
  );
  if (!hit) return null;
  const notes = frameworkNotes(hit.framework);
  const trust = notes.proxyTrust!;
  const same = changed.filter((finding) => finding.framework === hit.framework && addsSecure(finding));
  return {
    label: 'Can break',
    text: `${notes.name} now sends Secure on ${names(same)}, and no ${codeSpan(trust.line)} was found although the app looks like it runs behind a proxy${firstEvidence(hit)}: behind a TLS-terminating proxy, ${trust.breaks} until that line is added.`,
    covers: hit.beforeMerging,
  };
}

/** Secure written as a constant in such a framework, with no sign of a proxy: the line to check. */
function possibleProxyBreak(changed: readonly Finding[]): BreakRisk | null {
  const hit = changed.find(
    (finding) =>
      addsSecure(finding) && secureIsConstant(finding) && frameworkNotes(finding.framework).proxyTrust,
  );
  if (!hit) return null;
  const notes = frameworkNotes(hit.framework);
  const trust = notes.proxyTrust!;
  const same = changed.filter((finding) => finding.framework === hit.framework && addsSecure(finding));
  return {
    label: 'Can break',
    text: `${notes.name} now sends Secure on ${names(same)}: if TLS ends at a proxy, check that ${codeSpan(trust.line)} is set, or ${trust.breaks}.`,
    covers: [],
  };
}

/**
 * Secure that follows the request, in a framework that sees HTTPS behind a proxy only when it trusts it, and
 * the app looks proxied without trusting one: nothing stops, but the cookie never actually gets Secure.
 */
function followsUntrustedProxy(changed: readonly Finding[]): BreakRisk | null {
  const hit = changed.find(
    (finding) =>
      addsSecure(finding) &&
      !secureIsConstant(finding) &&
      finding.beforeMerging.length > 0 &&
      frameworkNotes(finding.framework).proxyTrust !== undefined,
  );
  if (!hit) return null;
  const notes = frameworkNotes(hit.framework);
  return {
    label: 'Before merging',
    text: `${notes.name} now marks ${names([hit])} Secure only on requests it sees as HTTPS, and the app looks like it runs behind a proxy${firstEvidence(hit)} that it does not trust: add ${codeSpan(notes.proxyTrust!.line)}, or behind that proxy the cookie still goes out without Secure.`,
    covers: hit.beforeMerging,
  };
}

/** Any other line the policy says must come with the fix (a caution on a value that follows the request). */
function beforeMergingLine(changed: readonly Finding[]): BreakRisk | null {
  const hit = changed.find((finding) => finding.beforeMerging.length > 0);
  const line = hit?.beforeMerging[0];
  if (hit === undefined || line === undefined) return null;
  return { label: 'Before merging', text: `${escapeProse(line)} (${names([hit])})`, covers: [line] };
}

function httpOnlyAdded(changed: readonly Finding[]): BreakRisk | null {
  const hits = changed.filter((finding) => finding.changedFlags.includes('httpOnly'));
  if (hits.length === 0) return null;
  return {
    label: 'Can break',
    text: `front-end code that reads ${names(hits)} through \`document.cookie\` stops seeing ${hits.length === 1 ? 'it' : 'them'}; cookie-hardener found no such reader, but search for the names before merging.`,
    covers: [],
  };
}

/** Secure that follows the request in a framework that needs the proxy trusted to see HTTPS. */
function followsUntrusted(changed: readonly Finding[]): BreakRisk | null {
  const hit = changed.find(
    (finding) =>
      addsSecure(finding) && !secureIsConstant(finding) && frameworkNotes(finding.framework).proxyTrust,
  );
  if (!hit) return null;
  const notes = frameworkNotes(hit.framework);
  return {
    label: 'Can break',
    text: `${notes.name} now marks ${names([hit])} Secure only on requests it sees as HTTPS: behind a TLS-terminating proxy the cookie still goes out without Secure until ${codeSpan(notes.proxyTrust!.line)} is set.`,
    covers: [],
  };
}

function plainHttpDevelopment(changed: readonly Finding[]): BreakRisk | null {
  const hits = changed.filter(addsSecure);
  if (hits.length === 0) return null;
  return {
    label: 'Can break',
    text: `on a plain-HTTP dev server (other than \`localhost\`), browsers drop ${names(hits)} once ${hits.length === 1 ? 'it carries' : 'they carry'} Secure; serve development over HTTPS rather than turning the flag off.`,
    covers: [],
  };
}

const CHECKS = [
  untrustedProxyBreak,
  possibleProxyBreak,
  followsUntrustedProxy,
  beforeMergingLine,
  httpOnlyAdded,
  followsUntrusted,
  plainHttpDevelopment,
];

/** Findings in report order; the first check that matches wins. */
export function biggestBreakRisk(findings: readonly Finding[]): BreakRisk | null {
  // The stable sort keeps report order within a severity.
  const changed = findings
    .filter(isChanged)
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  for (const check of CHECKS) {
    const risk = check(changed);
    if (risk !== null) return risk;
  }
  return null;
}
