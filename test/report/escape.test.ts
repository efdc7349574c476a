import { describe, expect, it } from 'vitest';
import {
  codeSpan,
  encodePath,
  escapeProse,
  escapeText,
  shellQuote,
  tableCell,
} from '../../src/report/escape.js';

describe('codeSpan', () => {
  it('uses a fence longer than any backtick run inside', () => {
    expect(codeSpan('token')).toBe('`token`');
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(codeSpan('a``b`c')).toBe('```a``b`c```');
  });

  it('pads content that touches the fence or would lose its edge spaces', () => {
    expect(codeSpan('`x')).toBe('`` `x ``');
    expect(codeSpan(' x ')).toBe('`  x  `');
  });

  it('keeps one line and shows HTML literally', () => {
    expect(codeSpan('a\nb')).toBe('`a b`');
    expect(codeSpan('<b>')).toBe('`<b>`');
    expect(codeSpan('')).toBe('` `');
  });
});

describe('escapeText', () => {
  it('escapes Markdown punctuation and HTML', () => {
    expect(escapeText('*a* _b_ [c](d) `e` ~f~ \\')).toBe('\\*a\\* \\_b\\_ \\[c\\](d) \\`e\\` \\~f\\~ \\\\');
    expect(escapeText('<script>alert(1)</script> & co')).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt; &amp; co',
    );
  });
});

describe('escapeProse', () => {
  it('turns backtick pairs into safe code spans and escapes the rest', () => {
    expect(escapeProse('`secure` is off for <b>')).toBe('`secure` is off for &lt;b&gt;.');
  });

  it('writes fragments as sentences', () => {
    expect(escapeProse('front-end code may read this cookie')).toBe('Front-end code may read this cookie.');
    expect(escapeProse('Already a sentence.')).toBe('Already a sentence.');
  });

  it('escapes an unpaired backtick', () => {
    expect(escapeProse('a ` b')).toBe('A \\` b.');
  });
});

describe('tableCell', () => {
  it('escapes every pipe, code spans included, and keeps one line', () => {
    expect(tableCell('`a|b` | c\nd')).toBe('`a\\|b` \\| c d');
  });
});

describe('shellQuote and encodePath', () => {
  it('quotes a single quote inside single quotes', () => {
    expect(shellQuote("it's")).toBe("'it'\\''s'");
  });

  it('encodes path segments, parentheses included', () => {
    expect(encodePath('app/(auth)/log in.ts')).toBe('app/%28auth%29/log%20in.ts');
  });
});
