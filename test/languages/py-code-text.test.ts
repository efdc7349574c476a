import { describe, expect, it } from 'vitest';
import { pyCodeText } from '../../src/languages/py-code-text.js';

describe('pyCodeText', () => {
  it('blanks comments and docstrings, keeping line breaks', () => {
    const text = [
      '"""Reads the encoding cookie."""',
      'import re  # the cookie pattern',
      'def f():',
      "    '''Sets a cookie.",
      "    Twice.'''",
      '    return 1',
      '',
    ].join('\n');
    expect(pyCodeText(text)).toBe(['', 'import re  ', 'def f():', '    ', '', '    return 1', ''].join('\n'));
  });

  it('keeps string literals that are values, with or without a prefix', () => {
    const text = [
      "headers.append(('Set-Cookie', value))",
      "app.config['SESSION_COOKIE_SECURE'] = True",
      'x = (',
      '    "a cookie"',
      ')',
      'name = rb"cookie"',
      '"%s cookie" % name',
      "f'{a}' .join(b)",
      '',
    ].join('\n');
    expect(pyCodeText(text)).toBe(text);
  });

  it('blanks a prefixed docstring and a statement-level string after a semicolon', () => {
    expect(pyCodeText('x = 1; r"""cookie"""\nf(y)\n')).toBe('x = 1; \nf(y)\n');
  });

  it('does not read a comment sign or a quote inside a string as one', () => {
    const text = 'a = "# cookie"\nb = \'it\\\'s\'\nc = """x\ny"""\n';
    expect(pyCodeText(text)).toBe(text);
  });

  it('knows a continued line is not a new statement', () => {
    const text = 'value = 1 + \\\n    "cookie".count("c")\n';
    expect(pyCodeText(text)).toBe(text);
  });

  it('gives up on a string left open, so the file is kept', () => {
    expect(pyCodeText('x = "cookie\n')).toBeNull();
    expect(pyCodeText('x = """cookie\n')).toBeNull();
  });
});
