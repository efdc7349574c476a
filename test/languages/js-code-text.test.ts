import { describe, expect, it } from 'vitest';
import { jsCodeText } from '../../src/languages/js-code-text.js';

describe('jsCodeText', () => {
  it('leaves out line and block comments, keeping everything else as written', () => {
    const text = "/**\n * Sets the session cookie.\n */\nconst a = 1; // cookie\nres.json(a);\n";
    expect(jsCodeText('api/store.ts', text)).toBe(' \nconst a = 1; \nres.json(a);\n');
  });

  it('keeps what only looks like a comment: strings, template literals, regular expressions, JSX text', () => {
    const text =
      "const u = 'http://x/*cookie*/';\nconst t = `// ${res.cookie('a', 'b')}`;\nconst r = /\\/\\/cookie/;\nconst p = <p>see http://cookie.example</p>;\n";
    expect(jsCodeText('page.jsx', text)).toBe(text);
  });

  it('gives up (null) on an unclosed comment, string or template, and on .astro pages', () => {
    expect(jsCodeText('a.js', 'x = 1; /* cookie')).toBeNull();
    expect(jsCodeText('a.js', "x = 'cookie\n")).toBeNull();
    expect(jsCodeText('a.js', 'x = `cookie')).toBeNull();
    expect(jsCodeText('page.astro', '---\nconst a = 1;\n---\n')).toBeNull();
  });

  it('reads a TypeScript cast as code, not as a JSX tag', () => {
    const text = 'const v = <string>res.cookie; // cookie\n';
    expect(jsCodeText('a.ts', text)).toBe('const v = <string>res.cookie; \n');
  });
});
