// Repository text shown on a terminal: a file name or cookie name may hold escape sequences (clear the
// screen, move the cursor, recolour), line breaks (forge a line of output) or bidirectional controls (show
// text in another order than it is stored). Each such character is shown as a visible escape instead.

/** C0 controls, DEL, C1 controls, line/paragraph separators and the bidirectional formatting characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function escapeControlCharacters(text: string): string {
  return text.replace(UNSAFE, (char) => {
    const named = NAMED[char];
    if (named) return named;
    const code = char.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * A path in a diff header as git writes it: unchanged when plain, else in double quotes with C escapes, so
 * a line break in a file name cannot start a forged header or hunk.
 */
export function quoteDiffPath(path: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/["\\\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(path)) {
    return path;
  }
  return `"${escapeControlCharacters(path.replace(/["\\]/g, (char) => `\\${char}`))}"`;
}
