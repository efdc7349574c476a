import { describe, expect, it } from 'vitest';
import { parseWith } from '../../src/languages/tree-sitter/runtime.js';

describe('the WebAssembly parsers', () => {
  it('parse Ruby and C# with offsets that slice the JavaScript string', () => {
    const ruby = "# é 😀\ncookies[:user] = { value: 'x', httponly: true }\n";
    const parsed = parseWith('ruby', ruby);
    expect(parsed.errorCount).toBe(0);
    const hash = parsed.tree.rootNode.descendantsOfType('hash')[0]!;
    expect(ruby.slice(hash.startIndex, hash.endIndex)).toBe("{ value: 'x', httponly: true }");

    const csharp = 'var o = new CookieOptions { HttpOnly = true, Secure = false };\n';
    const tree = parseWith('c_sharp', csharp);
    expect(tree.errorCount).toBe(0);
    const initializer = tree.tree.rootNode.descendantsOfType('initializer_expression')[0]!;
    expect(csharp.slice(initializer.startIndex, initializer.endIndex)).toBe(
      '{ HttpOnly = true, Secure = false }',
    );
  });

  it('count the error and missing nodes a fix may never add to', () => {
    expect(parseWith('ruby', 'def a\n  x = \nend\n').errorCount).toBe(1);
    expect(
      parseWith('c_sharp', 'class A { void M() { var o = new CookieOptions { HttpOnly = true }; } ')
        .errorCount,
    ).toBe(1);
    expect(parseWith('ruby', 'x = 1\n').errorCount).toBe(0);
  });
});
