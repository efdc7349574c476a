// The line text the baseline matches on leaves out what a hand fix adds to the cookie's own line.
import { describe, expect, it } from 'vitest';
import { baselineLineText } from '../../src/baseline/key.js';

describe('baselineLineText', () => {
  it('is the same before and after HttpOnly or Secure is set on the line', () => {
    const variants: Array<[string, string[]]> = [
      [
        "res.cookie('sid', s);",
        [
          "res.cookie('sid', s, { httpOnly: true });",
          "res.cookie('sid', s, { secure: req.secure, httpOnly: false });",
          "res.cookie( 'sid', s, {httpOnly:true} );",
        ],
      ],
      [
        "resp.set_cookie('sid', v)",
        ["resp.set_cookie('sid', v, secure=True)", "resp.set_cookie('sid', v, httponly=True, secure=True)"],
      ],
      ["SESSION = {'name': 'sid'}", ["SESSION = {'name': 'sid', 'httponly': True, 'secure': True}"]],
      [
        "header('Set-Cookie', 'sid=' + v + '; Path=/')",
        ["header('Set-Cookie', 'sid=' + v + '; Path=/; HttpOnly')"],
      ],
    ];
    for (const [line, fixed] of variants) {
      for (const other of fixed)
        expect([other, baselineLineText(other)]).toEqual([other, baselineLineText(line)]);
    }
  });

  it('still tells different lines apart', () => {
    expect(baselineLineText("res.cookie('sid', a);")).toBe("res.cookie'sid'a;");
    expect(baselineLineText("res.cookie('sid', b);")).toBe("res.cookie'sid'b;");
    expect(baselineLineText("res.cookie('sid', s, { maxAge: 60 });")).toBe("res.cookie'sid'smaxAge:60;");
  });
});
