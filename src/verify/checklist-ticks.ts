// The remediation pull request's checklist, ticked from a deployment's verify report. Only lines that are
// checklist items carrying the tool's check marker are touched, and on those only the box and the tool's own
// result note, which runs from its marker to its end marker: every other byte of the body (people's text,
// also after the note, the notes section, the state block, the line endings GitHub's editor leaves) stays as
// it was.
//
// People come first: the notes section is theirs and is never read here. The note's marker records whether
// the tool made the box's tick; a box whose state differs from what the tool last wrote was set by a person,
// and from then on the box is theirs (the marker says so): a person's tick is never unticked, a box a person
// unticked is never ticked again. The tool unticks only a box it ticked itself. Pure: the caller reads and
// writes the body.
import { NOTES_END, NOTES_START } from '../deliver/remediation/notes.js';
import { parseCheckMarker, type CheckedCookie, type ItemCheck } from '../report/check-marker.js';
import { codeSpan } from '../report/escape.js';
import type { ObservedCookie } from './types.js';

const OBSERVED_MARKER = 'cookie-hardener:observed';

export type ItemResult = 'pass' | 'fail' | 'unseen';

/** What one cookie of an item showed on the deployment. */
export interface CookieVerdict {
  cookie: CheckedCookie;
  result: ItemResult;
  /** The headers (values hidden) that lack an attribute the item asks for; empty unless `fail`. */
  failing: string[];
  /** The attributes missing from those headers, as the item names them. */
  missing: string[];
}

export interface ItemVerdict {
  /** 1-based line of the item in the body. */
  line: number;
  check: ItemCheck;
  result: ItemResult;
  cookies: CookieVerdict[];
  /** The box after this run, and before it. */
  ticked: boolean;
  wasTicked: boolean;
}

export interface TickOutcome {
  body: string;
  items: ItemVerdict[];
}

/** Who and what the note beside an item names: the commit deployed and where. */
export interface DeploymentStamp {
  sha: string;
  environment: string | null;
}

const ITEM = /^(\s*[-*+] \[)([ xX])(\] )/;
/** A failing header is shown in full up to this length: enough for every attribute, not for a wall of text. */
const MAX_HEADER = 200;
const MAX_HEADERS_SHOWN = 3;

function hasFlag(observed: ObservedCookie, cookie: CheckedCookie, flag: CheckedCookie['flags'][number]) {
  const { attributes } = observed;
  if (flag === 'httpOnly') return attributes.httpOnly;
  if (flag === 'secure') return attributes.secure;
  if (attributes.sameSite === null) return false;
  return cookie.sameSite === undefined || cookie.sameSite === attributes.sameSite;
}

function flagWord(cookie: CheckedCookie, flag: CheckedCookie['flags'][number]): string {
  if (flag === 'httpOnly') return 'HttpOnly';
  if (flag === 'secure') return 'Secure';
  return cookie.sameSite === undefined ? 'SameSite' : `SameSite=${cookie.sameSite}`;
}

/** Every header the deployment sent for this name must carry every attribute the item names. */
function judgeCookie(cookie: CheckedCookie, observed: readonly ObservedCookie[]): CookieVerdict {
  const seen = observed.filter((entry) => entry.name === cookie.name);
  if (seen.length === 0) return { cookie, result: 'unseen', failing: [], missing: [] };
  const failing = new Set<string>();
  const missing = new Set<string>();
  for (const entry of seen) {
    const lacking = cookie.flags.filter((flag) => !hasFlag(entry, cookie, flag));
    if (lacking.length === 0) continue;
    failing.add(entry.header);
    for (const flag of lacking) missing.add(flagWord(cookie, flag));
  }
  return {
    cookie,
    result: failing.size > 0 ? 'fail' : 'pass',
    failing: [...failing],
    missing: cookie.flags.map((flag) => flagWord(cookie, flag)).filter((word) => missing.has(word)),
  };
}

/** An item fails when one cookie fails; it passes only when every cookie was seen and passed. */
function itemResult(cookies: readonly CookieVerdict[]): ItemResult {
  if (cookies.some((cookie) => cookie.result === 'fail')) return 'fail';
  return cookies.every((cookie) => cookie.result === 'pass') ? 'pass' : 'unseen';
}

function clip(text: string): string {
  return text.length > MAX_HEADER ? `${text.slice(0, MAX_HEADER)}…` : text;
}

function where(stamp: DeploymentStamp): string {
  const environment = stamp.environment === null ? '' : ` to ${codeSpan(stamp.environment)}`;
  return `the deployment of ${codeSpan(stamp.sha.slice(0, 7))}${environment}`;
}

/** The visible note after the item's markers: what this deployment showed. */
function note(verdict: Omit<ItemVerdict, 'line' | 'ticked' | 'wasTicked'>, stamp: DeploymentStamp): string {
  if (verdict.result === 'pass') {
    return verdict.check.everyHost
      ? `✅ passed on ${where(stamp)}; the code decides at run time, so check every other host too.`
      : `✅ verified on ${where(stamp)}.`;
  }
  if (verdict.result === 'unseen') {
    const names = verdict.cookies
      .filter((cookie) => cookie.result === 'unseen')
      .map((cookie) => codeSpan(cookie.cookie.name));
    return `⚪ ${where(stamp)} did not set ${names.join(', ')} for the requests verify made (a \`verify-scenario\` step can reach the route).`;
  }
  const parts = verdict.cookies
    .filter((cookie) => cookie.result === 'fail')
    .map((cookie) => {
      const shown = cookie.failing.slice(0, MAX_HEADERS_SHOWN).map((header) => codeSpan(clip(header)));
      const more =
        cookie.failing.length > shown.length ? ` and ${cookie.failing.length - shown.length} more` : '';
      return `${shown.join(', ')}${more} (no ${cookie.missing.join(', no ')})`;
    });
  return `❌ ${where(stamp)} sent ${parts.join('; ')}.`;
}

const NOTE_START = ` <!-- ${OBSERVED_MARKER} `;
const NOTE_END = `<!-- ${OBSERVED_MARKER}-end -->`;
/** Marker words: the tool ticked the box; a person set the box, which the tool leaves as it is from then on. */
const TOOL_TICK = 'ticked';
const PERSON_BOX = 'by-person';

/** The tool's note: its marker records the result and who owns the box; the end marker closes it. */
function noteSpan(result: ItemResult, owner: string | null, text: string): string {
  return `${NOTE_START}${result}${owner === null ? '' : ` ${owner}`} --> ${text} ${NOTE_END}`;
}

interface PreviousNote {
  /** Where the note starts (the space before its marker) and ends (after its end marker), on the line. */
  start: number;
  end: number;
  words: string[];
}

/** The tool's note already on the line, if any. */
function previousNote(line: string): PreviousNote | null {
  const start = line.indexOf(NOTE_START);
  if (start < 0) return null;
  const close = line.indexOf(' -->', start + NOTE_START.length);
  const words = close < 0 ? [] : line.slice(start + NOTE_START.length, close).split(' ');
  // The note text escapes markup, so the first end marker after the start is the tool's own. A note written
  // before the end marker existed ran to the end of the line.
  const endAt = line.indexOf(NOTE_END, start);
  return { start, end: endAt < 0 ? line.length : endAt + NOTE_END.length, words };
}

/**
 * Ticks the body's checklist for this deployment. Lines are split on `\n` only and keep their `\r`: GitHub's
 * web editor saves CRLF, and whatever a line ends with is written back as it was.
 */
export function tickChecklist(
  body: string,
  observed: readonly ObservedCookie[],
  stamp: DeploymentStamp,
): TickOutcome {
  const lines = body.split('\n');
  const items: ItemVerdict[] = [];
  let inNotes = false;
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index] ?? '';
    if (raw.includes(NOTES_START)) inNotes = true;
    if (raw.includes(NOTES_END)) inNotes = false;
    if (inNotes) continue;
    const carriage = raw.endsWith('\r') ? '\r' : '';
    const line = carriage ? raw.slice(0, -1) : raw;
    const box = ITEM.exec(line);
    if (!box) continue;
    const check = parseCheckMarker(line);
    if (check === null) continue;
    const cookies = check.cookies.map((cookie) => judgeCookie(cookie, observed));
    const result = itemResult(cookies);
    const wasTicked = box[2] !== ' ';
    const previous = previousNote(line);
    // The tool last wrote a ticked box exactly when its marker says it ticked it; any other state is a person's.
    const personBox =
      previous === null
        ? wasTicked
        : previous.words.includes(PERSON_BOX) || wasTicked !== previous.words.includes(TOOL_TICK);
    const ticked = personBox ? wasTicked : result === 'pass' && !check.everyHost;
    const owner = personBox ? PERSON_BOX : ticked ? TOOL_TICK : null;
    const span = noteSpan(result, owner, note({ check, result, cookies }, stamp));
    const boxed = `${box[1]}${ticked ? (wasTicked ? box[2] : 'x') : ' '}${box[3]}`;
    const between = line.slice(box[0].length, previous?.start ?? line.length);
    const after = previous === null ? '' : line.slice(previous.end);
    lines[index] = `${boxed}${between}${span}${after}${carriage}`;
    items.push({ line: index + 1, check, result, cookies, ticked, wasTicked });
  }
  return { body: lines.join('\n'), items };
}
