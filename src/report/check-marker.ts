// The hidden tie between a verification checklist item and the cookies it checks. The item's words are for
// people and may change with the wording; this marker is for `verify` in the action, which ticks an item only
// when the deployment showed every cookie it names with every attribute it names. It reads like the header
// the item shows (`<!-- cookie-hardener:check token=HttpOnly,Secure -->`) and stays short: a checklist has
// one per route. Cookie names come from repository code, so they are percent-encoded: no space, `=`, `<`, `>`
// or `:` of theirs can end the comment, split the list or spell another marker. `-` is encoded too: GitHub's
// Markdown (CommonMark 0.29) reads an inline comment holding `--` as text, which would show the marker.
import { ATTRIBUTE_LABEL } from '../attributes.js';
import { ATTRIBUTES, type Attribute } from '../model.js';

const CHECK_MARKER = 'cookie-hardener:check';
/** Said when the code decides a flag at run time: the item asks for every deployed host, not one. */
const EVERY_HOST = 'every-host';

export type SameSiteValue = 'Lax' | 'Strict' | 'None';

/** One cookie an item checks: its name, the flags its header must carry, and how SameSite must read. */
export interface CheckedCookie {
  name: string;
  flags: Attribute[];
  /** The value the fix wrote; absent when any SameSite value will do. */
  sameSite?: SameSiteValue;
}

export interface ItemCheck {
  cookies: CheckedCookie[];
  /** One deployment passing is reported but does not tick the item (see EVERY_HOST). */
  everyHost: boolean;
}

function flagToken(cookie: CheckedCookie, flag: Attribute): string {
  if (flag === 'sameSite' && cookie.sameSite !== undefined) return `SameSite=${cookie.sameSite}`;
  return ATTRIBUTE_LABEL[flag];
}

function encodeName(name: string): string {
  return encodeURIComponent(name).replace(/-/g, '%2D');
}

export function renderCheckMarker(check: ItemCheck): string {
  const cookies = check.cookies.map(
    (cookie) => `${encodeName(cookie.name)}=${cookie.flags.map((flag) => flagToken(cookie, flag)).join(',')}`,
  );
  return `<!-- ${CHECK_MARKER} ${[...(check.everyHost ? [EVERY_HOST] : []), ...cookies].join(' ')} -->`;
}

const FLAG_BY_LABEL = new Map<string, Attribute>(ATTRIBUTES.map((flag) => [ATTRIBUTE_LABEL[flag], flag]));
const SAME_SITE_VALUES: readonly string[] = ['Lax', 'Strict', 'None'];

function readCookie(token: string): CheckedCookie | null {
  const equals = token.indexOf('=');
  if (equals <= 0) return null;
  let name: string;
  try {
    name = decodeURIComponent(token.slice(0, equals));
  } catch {
    return null;
  }
  const flags: Attribute[] = [];
  let sameSite: SameSiteValue | undefined;
  for (const part of token.slice(equals + 1).split(',')) {
    const [label = '', value] = part.split('=');
    const flag = FLAG_BY_LABEL.get(label);
    if (flag === undefined || flags.includes(flag)) return null;
    if (value !== undefined) {
      if (flag !== 'sameSite' || !SAME_SITE_VALUES.includes(value)) return null;
      sameSite = value as SameSiteValue;
    }
    flags.push(flag);
  }
  return { name, flags, ...(sameSite === undefined ? {} : { sameSite }) };
}

/**
 * The check in the marker on `line`, or null when the line has none or it is damaged (a damaged marker leaves
 * the item to people). indexOf, not a regular expression: the body is anyone's text.
 */
export function parseCheckMarker(line: string): ItemCheck | null {
  const opening = `<!-- ${CHECK_MARKER} `;
  const start = line.indexOf(opening);
  if (start < 0) return null;
  const end = line.indexOf(' -->', start + opening.length);
  if (end < 0) return null;
  const tokens = line.slice(start + opening.length, end).split(' ');
  const everyHost = tokens[0] === EVERY_HOST;
  const cookies = (everyHost ? tokens.slice(1) : tokens).map(readCookie);
  if (cookies.length === 0 || cookies.some((cookie) => cookie === null)) return null;
  return { cookies: cookies as CheckedCookie[], everyHost };
}
