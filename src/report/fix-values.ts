// What a fix writes, key and value (`secure: 'auto'`, `SESSION_COOKIE_SECURE = True` as `SESSION_COOKIE_SECURE:
// True`), read back from the finding's message, which the plan spells `Fix: key: value, key → value.`. The
// value matters to the reader: `secure: true` can stop a session behind an untrusted proxy, while `'auto'` or
// `req.secure` only follows the request.
import type { Attribute, Finding } from '../model.js';
import { isChanged } from './wording.js';

export interface WrittenValue {
  flag: Attribute;
  /** The key as the API spells it (`httponly`, `cookie.secure`, `SESSION_COOKIE_SECURE`). */
  key: string;
  /** Code: `true`, `True`, `'auto'`, `self.request.protocol == "https"`, `'lax'`. */
  value: string;
  /** An explicit `false` turned on, rather than a key added. */
  flip: boolean;
}

const FIX_SEGMENT = /(?:^|\. )Fix: (.+?)\.(?= |$)/;
/** Splits before each `key: ` / `key → ` (a value never contains one). */
const ENTRY_START = /, (?=[\w"'$.[\]-]+(?: → |: ))/;
const ENTRY = /^([\w"'$.[\]-]+)( → |: )(.*)$/;

function flagOfKey(key: string): Attribute | null {
  if (/same_?site/i.test(key)) return 'sameSite';
  if (/http_?only/i.test(key)) return 'httpOnly';
  if (/secure|https_only/i.test(key)) return 'secure';
  return null;
}

/** The values a changed finding writes, for the flags it changes; empty when the message says nothing readable. */
export function writtenValues(finding: Finding): WrittenValue[] {
  if (!isChanged(finding)) return [];
  const segment = FIX_SEGMENT.exec(finding.message)?.[1];
  if (segment === undefined) return [];
  return segment.split(ENTRY_START).flatMap((entry) => {
    const match = ENTRY.exec(entry);
    if (!match) return [];
    const [, key = '', arrow, value = ''] = match;
    const flag = flagOfKey(key);
    if (flag === null || !finding.changedFlags.includes(flag)) return [];
    return [{ flag, key, value, flip: arrow === ' → ' }];
  });
}

/**
 * Whether Secure, where this finding adds it, is a constant (`true`) rather than something that follows each
 * request. Unknown values count as constant: that is the reading that warns.
 */
export function secureIsConstant(finding: Finding): boolean {
  const secure = writtenValues(finding).find((entry) => entry.flag === 'secure');
  return secure === undefined || /^(?:true|True|1)$/.test(secure.value);
}
