// The line text a baseline entry is matched on. A hand fix usually lands on the cookie's own line
// (`res.cookie('sid', v, { httpOnly: true })`, `set_cookie(..., secure=True)`, `'; HttpOnly'`): were the
// flags part of the key, a partly fixed finding would no longer match its entry and turn the check red.

// `httpOnly: true`, `'httponly': True`, `secure=req.secure`, `http_only => 1`: the flag, its value up to the next
// separator. A value with commas of its own (`f(a, b)`) leaves a tail; it does so on both sides of a run.
const FLAG_SETTING = /["']?\b(?:http_?only|secure)\b["']?\s*(?:=>|[:=])\s*[^,;)}\]]*/gi;
// The attributes in a Set-Cookie header written by hand.
const HEADER_FLAG = /;\s*(?:httponly|secure)\b/gi;
// Separators and spacing left behind (`{ }`, `, ,`) or moved by a formatter.
const LAYOUT = /[\s,{}()[\]]+/g;

/** `lineText` without the HttpOnly and Secure settings, spacing and brackets. */
export function baselineLineText(lineText: string): string {
  return lineText.replace(FLAG_SETTING, '').replace(HEADER_FLAG, '').replace(LAYOUT, '');
}
