import { describe, expect, it } from 'vitest';
import { applyEdits, insertEntries } from '../../src/fix/insert.js';
import { firstDifferenceOutsideEdits } from '../../src/fix/verify.js';
import { objectContainer, parseJavaScript, unwrap } from '../../src/languages/javascript.js';
import { dictEntriesOf, parsePython, pyContainer } from '../../src/languages/python.js';
import type { Container } from '../../src/model.js';

/** The first object literal assigned in `const x = …`. */
function jsObject(text: string): Container {
  const module = parseJavaScript('x.ts', text);
  const declaration = module.ast.program.body.find((s: { type: string }) => s.type === 'VariableDeclaration');
  return objectContainer(module, unwrap(declaration.declarations[0].init));
}

function addFlags(text: string): string {
  const edits = insertEntries(text, jsObject(text), ['httpOnly: true', 'secure: true']);
  if (!edits) throw new Error('refused');
  return applyEdits(text, edits);
}

describe('insertEntries (JavaScript objects)', () => {
  it.each([
    ['one line', 'const o = { maxAge: 1 };\n', 'const o = { maxAge: 1, httpOnly: true, secure: true };\n'],
    [
      'one line, no padding',
      'const o = {maxAge: 1};\n',
      'const o = {maxAge: 1, httpOnly: true, secure: true};\n',
    ],
    [
      'one line, trailing comma',
      'const o = { maxAge: 1, };\n',
      'const o = { maxAge: 1, httpOnly: true, secure: true, };\n',
    ],
    ['empty', 'const o = {};\n', 'const o = { httpOnly: true, secure: true };\n'],
    [
      'multi-line with trailing comma',
      'const o = {\n  maxAge: 1,\n  path: "/",\n};\n',
      'const o = {\n  maxAge: 1,\n  path: "/",\n  httpOnly: true,\n  secure: true,\n};\n',
    ],
    [
      'multi-line without trailing comma, comment kept in place',
      'const o = {\n    maxAge: 1, // a second\n    path: "/" // root\n};\n',
      'const o = {\n    maxAge: 1, // a second\n    path: "/", // root\n    httpOnly: true,\n    secure: true\n};\n',
    ],
    [
      'tabs and CRLF',
      'const o = {\r\n\tmaxAge: 1,\r\n};\r\n',
      'const o = {\r\n\tmaxAge: 1,\r\n\thttpOnly: true,\r\n\tsecure: true,\r\n};\r\n',
    ],
    [
      'as const',
      'const o = { path: "/" } as const;\n',
      'const o = { path: "/", httpOnly: true, secure: true } as const;\n',
    ],
    [
      'multi-line empty',
      'function f() {\n  const o = {\n  };\n}\nconst o = {\n};\n',
      'function f() {\n  const o = {\n  };\n}\nconst o = {\n  httpOnly: true,\n  secure: true,\n};\n',
    ],
    [
      'last entry spanning lines',
      'const o = {\n  a: 1,\n  b: {\n    c: 2,\n  },\n};\n',
      'const o = {\n  a: 1,\n  b: {\n    c: 2,\n  },\n  httpOnly: true,\n  secure: true,\n};\n',
    ],
  ])('%s', (_name, input, expected) => {
    const output = addFlags(input);
    expect(output).toBe(expected);
    const edits = insertEntries(input, jsObject(input), ['httpOnly: true', 'secure: true'])!;
    expect(firstDifferenceOutsideEdits(input, output, edits)).toBeNull();
  });

  it('refuses an unterminated block comment after the last entry', () => {
    const input = 'const o = {\n  a: 1 /* note\n  continues */\n};\n';
    expect(insertEntries(input, jsObject(input), ['secure: true'])).toBeNull();
  });

  it('refuses an empty object holding only a comment', () => {
    const input = 'const o = { /* nothing yet */ };\n';
    expect(insertEntries(input, jsObject(input), ['secure: true'])).toBeNull();
  });
});

describe('insertEntries (Python dicts)', () => {
  function pyDict(text: string): Container {
    const module = parsePython('x.py', text);
    const dict = module.assignments.get('d')!;
    return pyContainer(
      module,
      dict,
      dictEntriesOf(module, dict).map((entry) => entry.span),
    )!;
  }
  it.each([
    ['one line', 'd = {"secure": True}\n', 'd = {"secure": True, "httponly": True}\n'],
    ['single quotes, trailing comma', "d = {'secure': True,}\n", "d = {'secure': True, 'httponly': True,}\n"],
    ['empty', 'd = {}\n', 'd = {"httponly": True}\n'],
    [
      'multi-line, comment, CRLF, tabs',
      'd = {\r\n\t"path": "/"  # root\r\n}\r\n',
      'd = {\r\n\t"path": "/",  # root\r\n\t"httponly": True\r\n}\r\n',
    ],
  ])('%s', (_name, input, expected) => {
    const container = pyDict(input);
    const quote = container.keyQuote || '"';
    const edits = insertEntries(input, container, [`${quote}httponly${quote}: True`])!;
    expect(applyEdits(input, edits)).toBe(expected);
  });
});

describe('firstDifferenceOutsideEdits', () => {
  it('finds a byte changed outside the edits', () => {
    const edits = [{ file: 'x', start: 2, end: 2, text: 'XY' }];
    expect(firstDifferenceOutsideEdits('abcdef', 'abXYcdef', edits)).toBeNull();
    expect(firstDifferenceOutsideEdits('abcdef', 'abXYcdeF', edits)).toBe(2);
    expect(firstDifferenceOutsideEdits('abcdef', 'aBXYcdef', edits)).toBe(0);
  });
});

describe('insertEntries (Python statements)', () => {
  it('adds settings on new lines after the last one, at its indentation', () => {
    const input =
      'class Production(Base):\r\n    DEBUG = False\r\n    SESSION_COOKIE_HTTPONLY = True  # default\r\n\r\nx = 1\r\n';
    const start = input.indexOf('DEBUG');
    const last = input.indexOf('True  #') + 'True'.length;
    const container: Container = {
      file: 'settings.py',
      syntax: 'py-statements',
      open: start,
      close: last,
      entries: [
        { start, end: input.indexOf('\r\n', start) },
        { start: input.indexOf('SESSION'), end: last },
      ],
      keyQuote: '',
      statementTemplate: '{key} = True',
    };
    const edits = insertEntries(input, container, ['SESSION_COOKIE_SECURE = True'])!;
    expect(applyEdits(input, edits)).toBe(
      'class Production(Base):\r\n    DEBUG = False\r\n    SESSION_COOKIE_HTTPONLY = True  # default\r\n    SESSION_COOKIE_SECURE = True\r\n\r\nx = 1\r\n',
    );
  });
});

describe('insertEntries (Java)', () => {
  const statements = (input: string, anchor: string): Container => {
    const start = input.indexOf(anchor);
    return {
      file: 'A.java',
      syntax: 'java-statements',
      open: start,
      close: input.length,
      entries: [{ start, end: start + anchor.length }],
      keyQuote: '',
      statementTemplate: 'c.{key}({value});',
    };
  };

  it('adds statements after a trailing line comment, and refuses a line with more code after the anchor', () => {
    const input = '  Cookie c = new Cookie("a", v); // why\n  res.addCookie(c);\n';
    const container = statements(input, 'Cookie c = new Cookie("a", v);');
    expect(applyEdits(input, insertEntries(input, container, ['c.setSecure(true);'])!)).toBe(
      '  Cookie c = new Cookie("a", v); // why\n  c.setSecure(true);\n  res.addCookie(c);\n',
    );
    const crowded = '  Cookie c = new Cookie("a", v); res.addCookie(c);\n';
    expect(insertEntries(crowded, statements(crowded, 'Cookie c = new Cookie("a", v);'), ['x;'])).toBeNull();
  });

  const chain = (input: string): Container => ({
    file: 'A.java',
    syntax: 'java-chain',
    open: input.indexOf('ResponseCookie'),
    close: input.lastIndexOf('.build'),
    entries: [],
    keyQuote: '',
  });

  it('puts chain calls on their own lines before a .build() that starts its line, with the line break kept', () => {
    const input = 'x = ResponseCookie.from("a", v)\r\n\t\t.path("/")\r\n\t\t.build();\r\n';
    expect(applyEdits(input, insertEntries(input, chain(input), ['.httpOnly(true)', '.secure(true)'])!)).toBe(
      'x = ResponseCookie.from("a", v)\r\n\t\t.path("/")\r\n\t\t.httpOnly(true)\r\n\t\t.secure(true)\r\n\t\t.build();\r\n',
    );
  });

  it('puts chain calls inline before a .build() that shares its line', () => {
    const input = 'x = ResponseCookie.from("a", v).path("/").build();\n';
    expect(applyEdits(input, insertEntries(input, chain(input), ['.secure(true)'])!)).toBe(
      'x = ResponseCookie.from("a", v).path("/").secure(true).build();\n',
    );
  });
});
