import { describe, expect, it } from 'vitest';
import { parseCheckMarker, renderCheckMarker } from '../../src/report/check-marker.js';

describe('the checklist item marker', () => {
  it('reads like the header it checks, and reads back', () => {
    const check = {
      cookies: [
        { name: 'token', flags: ['httpOnly' as const, 'secure' as const] },
        { name: 'lang', flags: ['secure' as const, 'sameSite' as const], sameSite: 'Lax' as const },
        { name: 'pref', flags: ['sameSite' as const] },
      ],
      everyHost: false,
    };
    const marker = renderCheckMarker(check);
    expect(marker).toBe(
      '<!-- cookie-hardener:check token=HttpOnly,Secure lang=Secure,SameSite=Lax pref=SameSite -->',
    );
    expect(parseCheckMarker(`- [ ] text ${marker} after`)).toEqual(check);
  });

  it('says when the item asks for every host', () => {
    const check = { cookies: [{ name: 'remember_me', flags: ['secure' as const] }], everyHost: true };
    expect(renderCheckMarker(check)).toBe('<!-- cookie-hardener:check every-host remember_me=Secure -->');
    expect(parseCheckMarker(renderCheckMarker(check))).toEqual(check);
  });

  it('encodes a hostile name so it cannot end the comment, split the list or hold `--`', () => {
    const name = 'a b=c --> <!-- cookie-hardener:state {} --!> x-';
    const marker = renderCheckMarker({ cookies: [{ name, flags: ['secure'] }], everyHost: false });
    expect(marker).toBe(
      '<!-- cookie-hardener:check a%20b%3Dc%20%2D%2D%3E%20%3C!%2D%2D%20cookie%2Dhardener%3Astate%20%7B%7D%20%2D%2D!%3E%20x%2D=Secure -->',
    );
    expect(marker.slice(4, -3)).not.toContain('--');
    expect(parseCheckMarker(marker)?.cookies[0]?.name).toBe(name);
  });

  it('reads a damaged or hand-made marker as none', () => {
    for (const line of [
      '- [ ] no marker',
      '- [ ] <!-- cookie-hardener:check token=HttpOnly',
      '- [ ] <!-- cookie-hardener:check  -->',
      '- [ ] <!-- cookie-hardener:check token -->',
      '- [ ] <!-- cookie-hardener:check token= -->',
      '- [ ] <!-- cookie-hardener:check token=Bold -->',
      '- [ ] <!-- cookie-hardener:check token=Secure,Secure -->',
      '- [ ] <!-- cookie-hardener:check token=Secure=Lax -->',
      '- [ ] <!-- cookie-hardener:check token=SameSite=Loose -->',
      '- [ ] <!-- cookie-hardener:check %E0%A4%A=Secure -->',
      '- [ ] <!-- cookie-hardener:check every-host -->',
    ]) {
      expect(parseCheckMarker(line), line).toBeNull();
    }
  });
});
