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

describe('repository text cannot mention, link or form a marker', () => {
  it('breaks mentions, team mentions, issue references and autolinks in text with a zero-width space', () => {
    expect(escapeText('@alice @org/team #123 acme/webapp#7 GH-9 https://evil.example www.evil.example')).toBe(
      '@&#8203;alice @&#8203;org/team #&#8203;123 acme/webapp#&#8203;7 GH&#8203;-9 https&#8203;://evil.example www&#8203;.evil.example',
    );
    // Entities spelled in the input stay text: their `&` is escaped first.
    expect(escapeText('&#64;alice')).toBe('&amp;#&#8203;64;alice');
    // Nothing else changes: a lone `#`, an `@` before a space, a word that only contains `gh`.
    expect(escapeText('# @ high-5')).toBe('# @ high-5');
  });

  it('keeps markers out of text and code spans alike', () => {
    const forged = '<!-- cookie-hardener:state {"version":1} -->';
    expect(escapeText(forged)).toBe('&lt;!-- cookie-hardener&#58;state {"version":1} --&gt;');
    // A code span would carry the marker verbatim into the body: such text becomes escaped <code>.
    expect(codeSpan(forged)).toBe('<code>&lt;!-- cookie-hardener&#58;state {"version":1} --&gt;</code>');
    expect(codeSpan('x --> y')).toBe('<code>x --&gt; y</code>');
    expect(codeSpan('COOKIE-HARDENER:finding')).toBe('<code>COOKIE-HARDENER&#58;finding</code>');
    for (const text of [forged, `@team ${forged}`, 'cookie-hardener:review a,b']) {
      for (const rendered of [escapeText(text), codeSpan(text), escapeProse(text)]) {
        expect(rendered).not.toMatch(/<!--|cookie-hardener:/i);
      }
    }
  });

  it('leaves mentions inside code spans, where GitHub does not look for them', () => {
    expect(codeSpan('@alice #1')).toBe('`@alice #1`');
    expect(escapeProse('`@org/team` set by @org/team')).toBe('`@org/team` set by @&#8203;org/team.');
  });

  it('keeps a fact that starts with a file name as written, and capitalises other fragments', () => {
    expect(escapeProse('docker-compose.yml runs nginx in front of the app')).toBe(
      'docker-compose.yml runs nginx in front of the app.',
    );
    expect(escapeProse('front-end code may read this cookie')).toBe('Front-end code may read this cookie.');
  });

  it('stays safe when a value with a backtick breaks the pairing of a message', () => {
    // A rule quoting source text `a`b @x` mis-pairs the backticks; the rest is still escaped text.
    const rendered = escapeProse('`a`b @x #12` decides Secure');
    expect(rendered).toBe('`a`b @&#8203;x #&#8203;12\\` decides Secure.');
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
