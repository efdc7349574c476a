// The Go, PHP, Java, C# and Ruby injections the corpus test relies on: if they copied the wrong literal or put
// the call in the wrong place, every result of the corpus run in that language would say nothing.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { parseGo } from '../../src/languages/go/parse.js';
import { parseJava } from '../../src/languages/java/parse.js';
import { parsePhp } from '../../src/languages/php/parse.js';
import { parseCSharp } from '../../src/languages/csharp/parse.js';
import { parseRuby, type RubyModule } from '../../src/languages/ruby/parse.js';
import { scanFiles } from '../../src/scan.js';
import { injectCSharp, injectGo, injectPhp, injectRuby, locateGo } from './inject.js';
import { injectJava, javaErrorsWithin } from './java-inject.js';
import { compileJava, hasJavac } from './javac.js';

const SOURCE = [
  'package store // import "example.com/store"',
  '',
  'import "sort"',
  '',
  'var order = []int{1, 2}',
  '',
  'var defaults = Options{',
  '\tPath:   "/",',
  '\tMaxAge: 60, // a minute',
  '}',
  '',
  '// Sorted sorts.',
  '// It sorts in place.',
  'func Sorted() { sort.Ints(order) }',
  '',
].join('\n');

const FUNCTION = [
  'func cookieHardenerInjected(w nethttp.ResponseWriter, r *nethttp.Request) {',
  '\tnethttp.SetCookie(w, &nethttp.Cookie{',
  '\tName: "session",',
  '\tPath:   "/",',
  '\tMaxAge: 60, // a minute',
  '})',
  '}',
].join('\n');

function lines(text: string): string[] {
  return text.split('\n');
}

describe('injectGo', () => {
  const module = parseGo('store.go', SOURCE);
  const injections = injectGo(module);

  it('copies the first keyed literal into a function at the end, with its own net/http import', () => {
    const end = injections.find((injection) => injection.placement === 'end')!;
    expect(lines(end.text)).toEqual([
      'package store // import "example.com/store"',
      '',
      'import nethttp "net/http"',
      ...lines(SOURCE).slice(1),
      ...lines(FUNCTION),
      '',
    ]);
    expect(end.excuse).toBeNull();
    expect(end.text.slice(end.start, end.end)).toBe(FUNCTION);
    expect(end.text.slice(end.optionsStart, end.optionsStart + 2)).toBe('{\n');
    expect(parseGo('store.go', end.text).errorCount).toBe(0);
  });

  it('puts the function above the doc comment of the first top-level function', () => {
    const middle = injections.find((injection) => injection.placement === 'middle')!;
    const source = lines(SOURCE);
    expect(lines(middle.text)).toEqual([
      source[0],
      '',
      'import nethttp "net/http"',
      ...source.slice(1, 11),
      ...lines(FUNCTION),
      '',
      ...source.slice(11),
    ]);
    expect(middle.text.slice(middle.start, middle.end)).toBe(FUNCTION);
    expect(locateGo(parseGo('store.go', middle.text))).toEqual({
      start: middle.start,
      end: middle.end,
      optionsStart: middle.optionsStart,
    });
  });

  it('adds the name inline to a one-line literal', () => {
    const [end] = injectGo(parseGo('a.go', 'package a\n\nvar o = Options{Path: "/"}\n'));
    expect(end!.text.slice(end!.start, end!.end)).toBe(
      'func cookieHardenerInjected(w nethttp.ResponseWriter, r *nethttp.Request) {\n' +
        '\tnethttp.SetCookie(w, &nethttp.Cookie{Name: "session", Path: "/"})\n}',
    );
  });

  it.each([
    ['var o = Options{Secure: x}', 'the literal already sets `Secure`'],
    ['var o = Options{Name: "id"}', 'the literal already sets `Name`'],
    ['var o = Options{MaxAge: -1}', 'the literal deletes the cookie (negative `MaxAge`)'],
    ['var m = map[string]int{"a": 1}', 'the literal has a key that is not a field name'],
    ['var o = Options{\n\tPath: "/",\n\tMaxAge: 60}', "the closing brace ends the last element's line"],
  ])('excuses %s', (declaration, excuse) => {
    const [end] = injectGo(parseGo('a.go', `package a\n\n${declaration}\n`));
    expect(end!.excuse).toBe(excuse);
  });

  it('injects nothing without a keyed literal', () => {
    expect(injectGo(parseGo('a.go', 'package a\n\nvar order = []int{1, 2}\n'))).toEqual([]);
  });
});

describe('injectPhp', () => {
  const source = [
    '<?php',
    '',
    'namespace App;',
    '',
    'use Other\\Thing;',
    '',
    "const ORDER = [1, 2, 'x' => 3];",
    '',
    '/** A store. */',
    'final class Store',
    '{',
    "    private $defaults = array('path' => '/', // root",
    "        'lifetime' => 60);",
    '}',
    '',
  ].join('\n');
  const copied = "array('path' => '/', // root\n        'lifetime' => 60)";
  const call = `setcookie('session', $token, ${copied});`;

  it('copies the first array whose keys are all strings, at the end and on the line of the first class', () => {
    const injections = injectPhp(parsePhp('Store.php', source));
    expect(injections.map((injection) => injection.placement)).toEqual(['end', 'middle']);
    const [end, middle] = injections;
    expect(end!.text).toBe(`${source}${call}\n`);
    expect(middle!.text).toBe(source.replace('final class', `${call}\nfinal class`));
    for (const injection of injections) {
      expect(injection.excuse).toBeNull();
      expect(injection.text.slice(injection.start, injection.end)).toBe(call);
      expect(injection.text.slice(injection.optionsStart, injection.end)).toBe(`${copied});`);
      expect(parsePhp('Store.php', injection.text).errorCount).toBe(0);
    }
  });

  it("keeps the file's line ending, and goes before a closing ?> that only white space follows", () => {
    const [end] = injectPhp(parsePhp('a.php', "<?php\r\n$o = ['path' => '/'];\r\n?>\r\n"));
    expect(end!.text).toBe(
      "<?php\r\n$o = ['path' => '/'];\r\nsetcookie('session', $token, ['path' => '/']);\r\n?>\r\n",
    );
  });

  it('finds a final ?> that the tree keeps inside the statement before it', () => {
    // Symfony's trace.html.php ends so; a call after that `?>` would be HTML text, never run nor reported.
    const text = "<?php if ($a) { ?>\n<p><?= f(['x' => 1]) ?></p>\n<?php } ?>\n";
    const [end] = injectPhp(parsePhp('a.php', text));
    expect(end!.text).toBe(
      "<?php if ($a) { ?>\n<p><?= f(['x' => 1]) ?></p>\n<?php } \nsetcookie('session', $token, ['x' => 1]);\n?>\n",
    );
  });

  it('leaves out the end of a file that ends in HTML', () => {
    expect(injectPhp(parsePhp('a.php', "<?php $o = ['path' => '/']; ?>\n<p>hi</p>\n"))).toEqual([]);
  });

  it.each([
    ["$o = ['HttpOnly' => false];", 'the options already set `HttpOnly`'],
    ['$o = ["pa\\th" => 1];', 'the options have a key the rule cannot read'],
    ["$o = ['expires' => time() - 3600];", 'the options delete the cookie (an expiry in the past)'],
    ["$o = ['path' => '/'];\nfunction setcookie($name) {}", 'the file declares its own setcookie'],
  ])('excuses %s', (code, excuse) => {
    const [end] = injectPhp(parsePhp('a.php', `<?php\n${code}\n`));
    expect(end!.excuse).toBe(excuse);
  });

  it('injects nothing without an array keyed by strings', () => {
    expect(injectPhp(parsePhp('a.php', "<?php\n$o = [1, 'a' => 2];\n$p = [C::X => 1];\n"))).toEqual([]);
  });
});

describe('the C# injection', () => {
  const source = [
    'namespace Store',
    '{',
    '    public class Catalog',
    '    {',
    '        [Obsolete]',
    '        public Options Defaults { get; } = new Options',
    '        {',
    '            Path = "/", // the root',
    '        };',
    '    }',
    '}',
    '',
  ].join('\r\n');
  const method =
    'static void SetSessionCookie(Microsoft.AspNetCore.Http.HttpContext context, string token) => context.Response.Cookies.Append("session", token, new Microsoft.AspNetCore.Http.CookieOptions {\r\n            Path = "/", // the root\r\n        });';

  it('copies the first object initializer into a class at the end and as the first class member', () => {
    const module = parseCSharp('Catalog.cs', source);
    const injections = injectCSharp(module);
    module.tree.delete();
    expect(injections.map((injection) => [injection.placement, injection.excuse, injection.text])).toEqual([
      ['end', null, `${source}\r\nstatic class CookieHardenerProbe\r\n{\r\n    ${method}\r\n}\r\n`],
      ['middle', null, source.replace('        [Obsolete]', `        ${method}\r\n        [Obsolete]`)],
    ]);
    for (const injection of injections) {
      expect(injection.text.slice(injection.start, injection.end)).toBe(method);
      expect(injection.text.slice(injection.optionsStart).startsWith('{\r\n            Path')).toBe(true);
      const copy = parseCSharp('Catalog.cs', injection.text);
      expect(copy.errorCount).toBe(0);
      copy.tree.delete();
    }
  });

  it('is excused where the options already set a flag or hold a directive', () => {
    const excuses = ['{ Secure = x }', '{\n A = 1,\n#if DEBUG\n B = 2,\n#endif\n}'].map((options) => {
      const module = parseCSharp('A.cs', `class A { object o = new B ${options}; }\n`);
      const excuse = injectCSharp(module)[0]?.excuse;
      module.tree.delete();
      return excuse;
    });
    expect(excuses).toEqual(['the options already set `Secure`', 'the options hold preprocessor directives']);
  });
});

describe('injectRuby', () => {
  const inject = (text: string) => {
    const module: RubyModule = parseRuby('a.rb', text);
    try {
      return injectRuby(module);
    } finally {
      module.tree.delete();
    }
  };
  const controller = (options: string, eol = '\n') =>
    [
      'class CookieHardenerInjectedController < ApplicationController',
      '  def cookie_hardener_injected',
      `    cookies[:session] = ${options}`,
      '  end',
      'end',
    ].join(eol);

  it('copies the first hash with pairs, value first, at the end and before the first class or module', () => {
    const text =
      "# frozen_string_literal: true\nrequire 'x'\nmodule A\n  X = {}\n  Y = { :path => '/', # all\n  }\nend\n";
    const [end, middle] = inject(text);
    const added = controller("{value: token,  :path => '/', # all\n  }");
    expect(end!.text).toBe(`${text}${added}\n`);
    expect(end!.text.slice(end!.start, end!.end)).toBe(added);
    expect(end!.text.slice(end!.optionsStart, end!.end)).toMatch(/^\{value: token,/);
    expect(middle!.text).toBe(
      `# frozen_string_literal: true\nrequire 'x'\n${added}\nmodule A\n  X = {}\n  Y = { :path => '/', # all\n  }\nend\n`,
    );
    expect(end!.excuse).toBeNull();
  });

  it("keeps the file's line ending, and goes before a __END__ data section", () => {
    const [end] = inject('x = { a: 1 }\r\n__END__\r\ndata\r\n');
    expect(end!.text).toBe(
      `x = { a: 1 }\r\n${controller('{value: token,  a: 1 }', '\r\n')}\r\n__END__\r\ndata\r\n`,
    );
  });

  it.each([
    ['x = { httponly: false }', 'the options already set `httponly`'],
    ['x = { **base, path: "/" }', 'the options take entries from a splat'],
    ['x = { key => 1 }', 'the options have a key the rule cannot read'],
    ['x = { expires: 1.day.ago }', 'the options set `expires`, which may delete the cookie'],
  ])('excuses %s', (code, excuse) => {
    const [end] = inject(`${code}\n`);
    expect(end!.excuse).toBe(excuse);
  });

  it('injects nothing without a hash that has pairs, or only one whose value is a heredoc', () => {
    expect(inject('x = {}\ny = [1]\n')).toEqual([]);
    expect(inject('x = { a: <<~A }\n  text\nA\n')).toEqual([]);
  });
});

describe('injectJava', () => {
  const source = [
    '/* Licence. */',
    'package store; // the package',
    '',
    'import java.util.List;',
    '',
    '/** A store. */',
    '@Deprecated',
    'public class Store extends Base {',
    '    /** The default path. */',
    '    private static final String PATH = "/a\\"b";',
    '',
    '    List<String> names() {',
    '        List<String> all = List.of(PATH)',
    '                .stream()',
    '                .toList();',
    '        return all;',
    '    }',
    '}',
    '',
    'class Other {}',
    '',
  ].join('\n');
  // The end copies the first string literal, the middle the first initializer written over several lines;
  // both the file's chain continuation (8 spaces) and its first comment after code.
  const method = (value: readonly string[]) =>
    [
      '    void cookieHardenerInjected(HttpServletResponse response, String token) {',
      `        Cookie session = new Cookie("session", ${value.join('\n')});`,
      '        session.setPath("/"); // the package',
      '        response.addCookie(session);',
      `        ResponseCookie spring = ResponseCookie.from("session", ${value.join('\n')})`,
      '                .path("/") // the package',
      '                .build();',
      '        response.addHeader("Set-Cookie", spring.toString());',
      '    }',
    ]
      .join('\n')
      .split('\n');
  const literal = method(['"/a\\"b"']);
  const initializer = method(['List.of(PATH)', '                .stream()', '                .toList()']);
  const injections = injectJava(parseJava('Store.java', source));

  it('adds a method before the closing brace of the first class, with javax imports after the last import', () => {
    const end = injections.find((injection) => injection.placement === 'end')!;
    const lines = source.split('\n');
    expect(end.text.split('\n')).toEqual([
      ...lines.slice(0, 4),
      'import javax.servlet.http.Cookie;',
      'import javax.servlet.http.HttpServletResponse;',
      'import org.springframework.http.ResponseCookie;',
      ...lines.slice(4, 17),
      '',
      ...literal,
      ...lines.slice(17),
    ]);
    expect(end.text.slice(end.start, end.end)).toBe(literal.join('\n'));
    expect(end.excuse).toBeNull();
    expect(end.rules).toEqual(['servlet-cookie', 'spring-response-cookie']);
    expect(parseJava('Store.java', end.text).errorCount).toBe(0);
  });

  it("puts the method above the first member's doc comment, the jakarta package imported whole", () => {
    const middle = injections.find((injection) => injection.placement === 'middle')!;
    const lines = source.split('\n');
    expect(middle.text.split('\n')).toEqual([
      ...lines.slice(0, 4),
      'import jakarta.servlet.http.*;',
      'import org.springframework.http.ResponseCookie;',
      ...lines.slice(4, 8),
      ...initializer,
      '',
      ...lines.slice(8),
    ]);
    expect(middle.text.slice(middle.start, middle.end)).toBe(initializer.join('\n'));
    expect(parseJava('Store.java', middle.text).errorCount).toBe(0);
  });

  it('keeps tabs and CRLF; without a string or a chain over lines, the value is a parameter and the chain one line', () => {
    const text = 'package a;\r\n\r\nfinal class A {\r\n\tint n; // count\r\n}\r\n';
    const [end, middle] = injectJava(parseJava('A.java', text));
    const added = [
      '\tvoid cookieHardenerInjected(HttpServletResponse response, String token) {',
      '\t\tCookie session = new Cookie("session", token);',
      '\t\tsession.setPath("/"); // count',
      '\t\tresponse.addCookie(session);',
      '\t\tResponseCookie spring = ResponseCookie.from("session", token).path("/").build(); // count',
      '\t\tresponse.addHeader("Set-Cookie", spring.toString());',
      '\t}',
    ].join('\r\n');
    const imports = [
      'import javax.servlet.http.Cookie;',
      'import javax.servlet.http.HttpServletResponse;',
      'import org.springframework.http.ResponseCookie;',
    ].join('\r\n');
    // After a package declaration the imports get a blank line of their own.
    expect(end!.text).toBe(
      `package a;\r\n\r\n${imports}\r\n\r\nfinal class A {\r\n\tint n; // count\r\n\r\n${added}\r\n}\r\n`,
    );
    expect(middle!.text.slice(middle!.start, middle!.end)).toBe(added);
    expect(middle!.text.endsWith(`final class A {\r\n${added}\r\n\r\n\tint n; // count\r\n}\r\n`)).toBe(true);
  });

  it('puts the imports first in a file with neither package nor imports, and only the end in an empty class', () => {
    const injections = injectJava(parseJava('A.java', 'class A {\n}\n'));
    expect(injections.map((injection) => injection.placement)).toEqual(['end']);
    expect(injections[0]!.text.startsWith('import javax.servlet.http.Cookie;\n')).toBe(true);
    expect(injections[0]!.text).toContain(
      'org.springframework.http.ResponseCookie;\n\nclass A {\n\n    void',
    );
  });

  it.each([
    ['import com.example.Cookie;\nclass A {\n  int n;\n}', 'the file imports another `Cookie`'],
    [
      'class A {\n  int n;\n  static class ResponseCookie {}\n}',
      'the file declares its own `ResponseCookie`',
    ],
  ])('excuses %s', (code, excuse) => {
    const [end] = injectJava(parseJava('A.java', `package a;\n\n${code}\n`));
    expect(end!.excuse).toBe(excuse);
  });

  it('copies no initializer that @lezer/java marks with an error (a class literal)', () => {
    const text = [
      'class A {',
      '  Object types = List.of(',
      '      String.class);',
      '  String joined = String.join(",",',
      '      "x");',
      '}',
      '',
    ].join('\n');
    const middle = injectJava(parseJava('A.java', text)).find(
      (injection) => injection.placement === 'middle',
    )!;
    expect(middle.text).toContain('new Cookie("session", String.join(",",\n      "x"));');
  });

  it('counts the parse errors inside a span, for copies whose injected code the parser loses its way in', () => {
    const text = 'class A {\n  Object a = String.class;\n  int b = 1;\n}\n';
    const module = parseJava('A.java', text);
    expect(module.errorCount).toBeGreaterThan(0);
    expect(javaErrorsWithin(module, text.indexOf('Object'), text.indexOf('int b'))).toBe(module.errorCount);
    expect(javaErrorsWithin(module, text.indexOf('int b'), text.length)).toBe(0);
  });

  it('injects nothing into a file without a class', () => {
    expect(injectJava(parseJava('I.java', 'package a;\n\ninterface I {\n  void m();\n}\n'))).toEqual([]);
    expect(injectJava(parseJava('module-info.java', 'module a {\n  requires b;\n}\n'))).toEqual([]);
  });

  it.skipIf(!hasJavac())(
    'the injected methods, once fixed, compile (javac, stand-ins for the servlet and Spring classes)',
    () => {
      const cart = [
        'package shop;',
        '',
        'import java.util.List;',
        '',
        'public class Cart {',
        '\tprivate final String label = String.join(", ",',
        '\t\t\tList.of("a", "b")); // joined',
        '',
        '\tString first() {',
        '\t\treturn List.of(label).stream()',
        '\t\t\t\t.findFirst()',
        '\t\t\t\t.orElse("");',
        '\t}',
        '}',
        '',
      ].join('\n');
      const injections = injectJava(parseJava('Cart.java', cart));
      expect(injections).toHaveLength(2);
      // Both copies in one javac run (it takes seconds to start), each under a package named after its placement.
      const sources: Record<string, string> = {};
      for (const injection of injections) {
        const result = scanFiles({
          files: ['src/Cart.java'],
          read: () => ({ text: injection.text }),
          config: DEFAULT_CONFIG,
        });
        expect(result.findings.map((finding) => `${finding.ruleId} ${finding.outcome}`)).toEqual([
          'servlet-cookie fixable',
          'spring-response-cookie fixable',
        ]);
        const fixed = result.changes[0]!.after;
        expect(fixed).toContain('session.setSecure(true);');
        const name = `shop/${injection.placement}`;
        sources[`${name}/Cart.java`] = fixed.replace('package shop;', `package ${name.replace('/', '.')};`);
      }
      expect(compileJava(sources)).toBeNull();
    },
    60_000,
  );
});
