import { describe, expect, it } from 'vitest';
import { goCodeText } from '../../src/languages/go/code-text.js';
import { goFlagValue, parseGo } from '../../src/languages/go/parse.js';

describe('parseGo', () => {
  it('ends a statement at true, false or nil at the end of a line, as Go does', () => {
    const text = [
      'package web',
      '',
      'import "net/http"',
      '',
      'func set(w http.ResponseWriter, c *http.Cookie) error {',
      '\tc.Secure = false // for now',
      '\tc.HttpOnly = true',
      '\thttp.SetCookie(w, c)',
      '\treturn nil',
      '}',
      '',
    ].join('\n');
    const module = parseGo('web/set.go', text);
    expect(module.errorCount).toBe(0);
    expect(module.text).toBe(text);
    expect(module.imports.get('http')).toBe('net/http');
  });

  it('reads a line-final false as the literal it is', () => {
    const text = 'package a\n\nfunc f() {\n\tsecure := false\n\t_ = secure\n}\n';
    const module = parseGo('a.go', text);
    const start = text.indexOf('false');
    let value = null as Parameters<typeof goFlagValue>[1];
    module.tree.iterate({
      enter(ref) {
        if (ref.from === start && ref.to === start + 5) value = ref.node;
      },
    });
    expect(goFlagValue(module, value)).toEqual({
      kind: 'false',
      span: { start, end: start + 5 },
      file: 'a.go',
    });
  });
});

describe('goCodeText', () => {
  it('blanks comments and keeps strings, runes and raw strings whole', () => {
    const text =
      'x := "a // b" // note\nr := \'/\'\nraw := `line\n// not a comment`\n/* block\ncookie */ y := 1\n';
    expect(goCodeText(text)).toBe('x := "a // b" \nr := \'/\'\nraw := `line\n// not a comment`\n\n y := 1\n');
  });

  it('gives up on a raw string or a block comment left open', () => {
    expect(goCodeText('x := `cookie\n')).toBeNull();
    expect(goCodeText('/* cookie\n')).toBeNull();
  });
});
