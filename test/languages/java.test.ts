import { isTestFile } from '../../src/languages/index.js';
import { describe, expect, it } from 'vitest';
import { javaCodeText } from '../../src/languages/java/code-text.js';
import { parseJava } from '../../src/languages/java/parse.js';
import { isSpringConfigFile, parseProperties } from '../../src/languages/java/properties.js';
import { parseSpringYaml } from '../../src/languages/java/spring-yaml.js';

describe('javaCodeText', () => {
  it('blanks comments and keeps strings, text blocks and char literals whole', () => {
    const text = [
      '// new Cookie("a", "b")',
      'String url = "http://x/*y"; /* Cookie( */',
      'String block = """',
      '  // not a comment',
      '  """;',
      "char slash = '/';",
    ].join('\n');
    expect(javaCodeText(text)).toBe(
      [
        '',
        'String url = "http://x/*y"; ',
        'String block = """',
        '  // not a comment',
        '  """;',
        "char slash = '/';",
      ].join('\n'),
    );
  });

  it('gives up on a literal that never ends', () => {
    expect(javaCodeText('String s = "open\nCookie(')).toBeNull();
    expect(javaCodeText('/* Cookie(')).toBeNull();
  });
});

describe('parseJava', () => {
  it('reads single-type and whole-package imports, not static ones', () => {
    const module = parseJava(
      'A.java',
      [
        'import jakarta.servlet.http.Cookie;',
        'import org.springframework.http.*;',
        'import static java.util.Objects.requireNonNull;',
        'class A {}',
      ].join('\n'),
    );
    expect([...module.imports]).toEqual([['Cookie', 'jakarta.servlet.http.Cookie']]);
    expect(module.wildcards).toEqual(['org.springframework.http']);
    expect(module.errorCount).toBe(0);
  });
});

describe('Spring Boot properties', () => {
  it('names application.properties / .yml and their profile variants only', () => {
    expect(isSpringConfigFile('src/main/resources/application.properties')).toBe(true);
    expect(isSpringConfigFile('application-prod.properties')).toBe(true);
    expect(isSpringConfigFile('src/main/resources/messages.properties')).toBe(false);
    expect(isSpringConfigFile('myapplication.properties')).toBe(false);
    expect(isSpringConfigFile('src/main/resources/application.yml')).toBe(true);
    expect(isSpringConfigFile('config/application-prod.yaml')).toBe(true);
  });

  it('reads `=`, `:` and blank delimiters, skips comments and follows continued lines', () => {
    const file = parseProperties(
      'application.properties',
      [
        '# a comment',
        '! another',
        'a.b=1',
        'c.d : two words  ',
        'e.f g',
        'h.i=one \\',
        '  more',
        'j.k=last',
      ].join('\n'),
    );
    expect(file.entries.map((entry) => [entry.key, entry.value, entry.delimiter, entry.continued])).toEqual([
      ['a.b', '1', '=', false],
      ['c.d', 'two words', ' : ', false],
      ['e.f', 'g', ' ', false],
      ['h.i', 'one \\', '=', true],
      ['j.k', 'last', '=', false],
    ]);
    const continued = file.entries[3]!;
    expect(file.text.slice(continued.span.start, continued.span.end)).toBe('h.i=one \\\n  more');
  });
});

describe('Spring Boot YAML', () => {
  it('flattens block mappings into dotted keys and passes over lists, flow collections and block scalars', () => {
    const text = [
      'server:',
      '  servlet.session:',
      '    cookie:',
      '      "http-only": \'false\' # quoted',
      '      secure: off',
      'list:',
      '  - secure: false',
      'flow: { secure: false }',
      'banner: |',
      '  secure: false',
      'after: 1',
    ].join('\n');
    const file = parseSpringYaml('application.yml', text);
    expect(file.entries.map((entry) => [entry.key, entry.value])).toEqual([
      ['server.servlet.session.cookie.http-only', 'false'],
      ['server.servlet.session.cookie.secure', 'off'],
      ['after', '1'],
    ]);
    const quoted = file.entries[0]!;
    expect(text.slice(quoted.valueSpan.start, quoted.valueSpan.end)).toBe('false');
    expect(file.errorCount).toBe(0);
  });

  it('leaves out documents activated only for a development profile', () => {
    const file = parseSpringYaml(
      'application.yml',
      [
        'a: 1',
        '---',
        'spring.config.activate.on-profile: dev',
        'b: 2',
        '---',
        'spring.profiles: prod',
        'c: 3',
      ].join('\n'),
    );
    expect(file.entries.map((entry) => entry.key)).toEqual(['a', 'spring.profiles', 'c']);
  });
});

describe('Java test files', () => {
  it.each([
    ['src/test/java/com/shop/CookieUtilTest.java', true],
    ['app/src/main/java/com/shop/LoginServletTests.java', true],
    ['src/main/java/com/shop/Latest.java', false],
    ['src/main/java/com/shop/CookieUtil.java', false],
  ])('%s → %s', (file, expected) => expect(isTestFile(file)).toBe(expected));
});
