// The remediation pull request's body: the analysis writeup, a footer, and a hidden state block that the next
// sweep reads back to tell whether the findings changed. The body is the state (no labels, no side files), so
// the block must survive humans editing the text around it, and a damaged block must read as "no state".
import { createHash } from 'node:crypto';
import type { Outcome, ScanResult } from '../model.js';
import { renderPullRequestWriteup } from './pr-writeup.js';

/** Bumped when the block's meaning changes; readers decide what to do with versions they do not know. */
export const STATE_VERSION = 1;

/** GitHub refuses bodies over 65,536 characters; the default leaves room for a human's edits. */
export const DEFAULT_MAX_BODY_LENGTH = 65_000;

const STATE_MARKER = 'cookie-hardener:state';
/** Room always left to the writeup: its summary, the first rows and the checklist heading fit in this. */
const ANALYSIS_RESERVE = 16_000;
const OUTCOMES: readonly Outcome[] = ['conditional', 'fixable', 'fixed', 'ignored', 'manual'];

export interface PullRequestBodyOptions {
  repository: string;
  maxLength?: number;
  serverUrl?: string;
  ref?: string;
  /** Delivery's own facts for the next run (the commit it wrote, a digest of what it rendered). */
  delivery?: DeliveryState;
  /** The people-editable section carried over from the current body (see renderNotesSection). */
  notes?: string;
  /** The project's test command, for the verification checklist. */
  testCommand?: string;
}

/** What the remediation delivery keeps in the state block besides the findings. */
export interface DeliveryState {
  /** The SHA of the last commit the tool wrote on the branch: a branch head that differs is not ours. */
  head?: string;
  /** Digest of the title and body the tool last rendered: an unchanged rendering is not written again. */
  rendered?: string;
}

export interface PullRequestState {
  version: number;
  /** Sorted, without duplicates. Empty when the list was too long to carry (`complete: false`). */
  fingerprints: string[];
  outcomes: Record<string, Outcome>;
  /** sha256 of the sorted fingerprints (see fingerprintDigest): compare it when `complete` is false. */
  digest: string;
  complete: boolean;
  /** Present only when the block carries delivery fields. */
  delivery?: DeliveryState;
}

/**
 * A digest of a set of findings, for "has the set changed?" without the whole list. Order and duplicates do
 * not matter; outcomes are not part of it (a finding fixed by a human has left the set anyway).
 */
export function fingerprintDigest(fingerprints: readonly string[]): string {
  const sorted = [...new Set(fingerprints)].sort();
  return createHash('sha256').update(sorted.join('\n')).digest('hex');
}

interface EncodedState {
  version: number;
  digest: string;
  count: number;
  /** Fingerprints grouped by outcome: the grouping keeps the block small for thousands of findings. */
  findings?: Partial<Record<Outcome, string[]>>;
  head?: string;
  rendered?: string;
}

/** JSON that cannot end the HTML comment it sits in (`-->`) or be read as markup. */
function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

function stateComment(state: EncodedState): string {
  return `<!-- ${STATE_MARKER} ${safeJson(state)} -->`;
}

/**
 * The hidden block for these findings. When the full list would take more than `maxLength`, only the digest
 * and count are kept: the next run can still tell whether the set changed.
 */
export function renderStateBlock(
  result: ScanResult,
  maxLength: number,
  delivery: DeliveryState = {},
): string {
  const outcomes = new Map<string, Outcome>();
  for (const finding of result.findings) {
    const seen = outcomes.get(finding.fingerprint);
    // Fingerprints should be unique; if not, the same outcome wins whatever the input order.
    if (seen === undefined || finding.outcome < seen) outcomes.set(finding.fingerprint, finding.outcome);
  }
  const fingerprints = [...outcomes.keys()].sort();
  const summary: EncodedState = {
    version: STATE_VERSION,
    digest: fingerprintDigest(fingerprints),
    count: fingerprints.length,
    ...(delivery.head === undefined ? {} : { head: delivery.head }),
    ...(delivery.rendered === undefined ? {} : { rendered: delivery.rendered }),
  };
  const findings: Partial<Record<Outcome, string[]>> = {};
  for (const outcome of OUTCOMES) {
    const group = fingerprints.filter((fingerprint) => outcomes.get(fingerprint) === outcome);
    if (group.length > 0) findings[outcome] = group;
  }
  const full = stateComment({ ...summary, findings });
  return full.length <= maxLength ? full : stateComment(summary);
}

const FOOTER =
  '_cookie-hardener rewrites this description when the findings change; only the notes section above is carried over. If the pull request is closed without merging, it stays closed until the set of findings changes._';

export function renderPullRequestBody(result: ScanResult, options: PullRequestBodyOptions): string {
  const maxLength = options.maxLength ?? DEFAULT_MAX_BODY_LENGTH;
  // The full list (about 19 characters a finding) may use all but a reserve for the writeup; beyond that the
  // state shrinks to its digest, which still tells the next run whether the findings changed.
  const state = renderStateBlock(
    result,
    Math.max(Math.floor(maxLength / 2), maxLength - ANALYSIS_RESERVE),
    options.delivery,
  );
  const notes = options.notes === undefined ? '' : `\n${options.notes}\n`;
  const tail = `${notes}\n${FOOTER}\n\n${state}\n`;
  const analysis = renderPullRequestWriteup(result, {
    repository: options.repository,
    ...(options.serverUrl === undefined ? {} : { serverUrl: options.serverUrl }),
    ...(options.ref === undefined ? {} : { ref: options.ref }),
    ...(options.testCommand === undefined ? {} : { testCommand: options.testCommand }),
    maxLength: Math.max(0, maxLength - tail.length),
  });
  return `${analysis}${tail}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isOutcome(value: string): value is Outcome {
  return (OUTCOMES as readonly string[]).includes(value);
}

function decodeState(json: string): PullRequestState | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (!isRecord(value)) return null;
  const { version, digest, findings, head, rendered } = value;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return null;

  const outcomes: Record<string, Outcome> = {};
  if (findings !== undefined) {
    if (!isRecord(findings)) return null;
    for (const [outcome, group] of Object.entries(findings)) {
      if (!isOutcome(outcome) || !Array.isArray(group)) return null;
      for (const fingerprint of group) {
        if (typeof fingerprint !== 'string') return null;
        outcomes[fingerprint] = outcome;
      }
    }
  }
  const fingerprints = Object.keys(outcomes).sort();
  const complete = findings !== undefined;
  if (!complete && typeof digest !== 'string') return null;
  // A digest that disagrees with the list means someone edited one of them: the block cannot be trusted.
  if (complete && typeof digest === 'string' && digest !== fingerprintDigest(fingerprints)) return null;
  return {
    version,
    fingerprints,
    outcomes,
    digest: complete ? fingerprintDigest(fingerprints) : (digest as string),
    complete,
    ...(typeof head === 'string' || typeof rendered === 'string'
      ? {
          delivery: {
            ...(typeof head === 'string' && /^[0-9a-f]{40}$/.test(head) ? { head } : {}),
            ...(typeof rendered === 'string' ? { rendered } : {}),
          },
        }
      : {}),
  };
}

/** Whitespace as the old `\s` matched it in ASCII: enough for blocks written by hand. */
function isSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\n' || char === '\t' || char === '\r' || char === '\f' || char === '\v';
}

/**
 * The JSON of the last state block in `body`, or undefined. Only the last mention of the marker counts: the
 * tool's own block is the body's last, and an earlier one is a quoted older body (repository text cannot
 * spell one: escape.ts sees to that). Plain index arithmetic, each character visited a bounded number of
 * times, so a hostile body costs linear time; the regular expression this replaces backtracked cubically.
 */
function lastStateJson(body: string): string | undefined {
  const at = body.lastIndexOf(STATE_MARKER);
  if (at < 0) return undefined;
  let open = at;
  while (open > 0 && isSpace(body[open - 1])) open--;
  if (open < 4 || !body.startsWith('<!--', open - 4)) return undefined;
  let start = at + STATE_MARKER.length;
  if (!isSpace(body[start])) return undefined;
  const close = body.indexOf('-->', start);
  if (close < 0) return undefined;
  let end = close;
  while (end > start && isSpace(body[end - 1])) end--;
  while (start < end && isSpace(body[start])) start++;
  return body.slice(start, end);
}

/**
 * The state block of a body this tool wrote, or null when there is none or it is damaged. When humans pasted
 * in several blocks (quoting an older body), the last one, the tool's own footer, wins; a damaged last block
 * is not replaced by an older one, which would describe findings that are no longer current.
 */
export function parsePullRequestState(body: string): PullRequestState | null {
  const json = lastStateJson(body);
  return json === undefined ? null : decodeState(json);
}
