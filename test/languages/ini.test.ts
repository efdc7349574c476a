import { describe, expect, it } from 'vitest';
import { isIniFile, optionOf, parseIni } from '../../src/languages/ini.js';

describe('parseIni', () => {
  it('reads sections and options as configparser does, keeping keys as written', () => {
    const text =
      '[global]\nserver.socket_port = 8080\n\n[/]\n# a comment\n; another\ntools.Sessions.on: True\n';
    const ini = parseIni('app.conf', text);
    expect(ini.errorCount).toBe(0);
    expect(ini.sections.map((section) => section.name)).toEqual(['global', '/']);
    const option = optionOf(ini.sections[1]!, 'tools.Sessions.on')!;
    expect(option.value).toBe('True');
    expect(option.delimiter).toBe(': ');
    expect(text.slice(option.valueSpan.start, option.valueSpan.end)).toBe('True');
    expect(text.slice(option.span.start, option.span.end)).toBe('tools.Sessions.on: True');
    // The section ends after its last option: new lines go before the blank lines that follow.
    expect(ini.sections[0]!.end).toBe(text.indexOf('\n\n'));
  });

  it('treats deeper-indented lines as the value going on, past comments and blank lines', () => {
    const text = '[/]\n  a = {\n\n  # note\n      "x": 1}\n  b = 2\n';
    const ini = parseIni('app.conf', text);
    const [a, b] = ini.sections[0]!.options;
    expect(a!.continued).toBe(true);
    expect(text.slice(a!.span.start, a!.span.end)).toBe('a = {\n\n  # note\n      "x": 1}');
    expect(b!.key).toBe('b');
    expect(b!.continued).toBe(false);
  });

  it('counts what configparser refuses: options before a section, lines without a delimiter, repeats', () => {
    expect(parseIni('a.ini', 'a = 1\n[s]\nb = 2\n').errorCount).toBe(1);
    expect(parseIni('a.ini', '[s]\nnot an option\n').errorCount).toBe(1);
    expect(parseIni('a.ini', '[s]\nb = 1\nb = 2\n').errorCount).toBe(1);
    expect(parseIni('a.ini', '[s]\nb = 1\n[s]\nc = 2\n').errorCount).toBe(1);
    expect(parseIni('a.ini', '[s]\n= 1\n').errorCount).toBe(1);
    // The same key in two sections is fine.
    expect(parseIni('a.ini', '[s]\nb = 1\n[t]\nb = 2\n').errorCount).toBe(0);
  });

  it('keeps CRLF offsets exact', () => {
    const text = '[/]\r\ntools.sessions.on=True\r\n';
    const option = parseIni('a.conf', text).sections[0]!.options[0]!;
    expect(text.slice(option.valueSpan.start, option.valueSpan.end)).toBe('True');
    expect(option.delimiter).toBe('=');
  });
});

describe('isIniFile', () => {
  it('names .conf and .ini files, whatever the case', () => {
    expect(isIniFile('conf/app.conf')).toBe(true);
    expect(isIniFile('production.INI')).toBe(true);
    expect(isIniFile('setup.cfg')).toBe(false);
    expect(isIniFile('app.py')).toBe(false);
  });
});
