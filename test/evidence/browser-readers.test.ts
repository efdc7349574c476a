import { describe, expect, it } from 'vitest';
import { findReaders, scriptBlocks } from '../../src/evidence/browser-readers.js';
import { Source } from '../../src/evidence/source.js';

type Kind = 'javascript' | 'template';
const readers = (text: string, file = 'web/src/app.js', kind: Kind = 'javascript') =>
  findReaders(new Source(file, text, kind)).map(({ file, line, name, via, fact, inTemplate }) => ({
    file,
    line,
    name,
    via,
    fact,
    inTemplate,
  }));
const names = (text: string, kind: Kind = 'javascript') =>
  findReaders(new Source(kind === 'template' ? 'templates/page.html' : 'web/app.js', text, kind)).map(
    (reader) => `${reader.line}:${reader.name}:${reader.via}`,
  );

describe('browser readers in JavaScript', () => {
  it('finds a project helper called with a literal name', () => {
    expect(
      readers("import { getCookie } from './cookies';\n\nconst teams = JSON.parse(getCookie('sessions'));\n"),
    ).toEqual([
      {
        file: 'web/src/app.js',
        line: 3,
        name: 'sessions',
        via: 'helper',
        fact: "`getCookie('sessions')` reads this cookie in browser code",
        inTemplate: false,
      },
    ]);
  });

  it('finds js-cookie, universal-cookie, react-cookie, ngx-cookie-service, vue-cookies and jQuery reads', () => {
    expect(readers("import Cookies from 'js-cookie';\nconst theme = Cookies.get('user_theme');\n")).toEqual([
      {
        file: 'web/src/app.js',
        line: 2,
        name: 'user_theme',
        via: 'js-cookie',
        fact: "`Cookies.get('user_theme')` (js-cookie) reads this cookie in browser code",
        inTemplate: false,
      },
    ]);
    expect(
      readers(
        "import Cookies from 'universal-cookie';\nconst cookies = new Cookies();\nif (cookies.get('logged_in')) show();\n",
      ),
    ).toEqual([
      {
        file: 'web/src/app.js',
        line: 3,
        name: 'logged_in',
        via: 'universal-cookie',
        fact: "`cookies.get('logged_in')` (universal-cookie) reads this cookie in browser code",
        inTemplate: false,
      },
    ]);
    expect(
      readers(
        "import { useCookies } from 'react-cookie';\nconst [c] = useCookies(['tokenExpiresAt', \"ajs_user_id\"]);\n",
      ),
    ).toEqual(
      ['tokenExpiresAt', 'ajs_user_id'].map((name) => ({
        file: 'web/src/app.js',
        line: 2,
        name,
        via: 'universal-cookie',
        fact: '`useCookies([\'tokenExpiresAt\', "ajs_user_id"])` (react-cookie) reads this cookie in browser code',
        inTemplate: false,
      })),
    );
    expect(
      names(
        "constructor(private cookieService: CookieService) {}\nx = this.cookieService.get('XSRF-TOKEN');\n",
      ),
    ).toEqual(['2:XSRF-TOKEN:ngx-cookie-service']);
    expect(names("const lang = this.$cookies.get('locale');\nconst t = $.cookie('tz');\n")).toEqual([
      '1:locale:vue-cookies',
      '2:tz:jquery-cookie',
    ]);
  });

  it('finds axios xsrfCookieName and Angular cookieName settings', () => {
    expect(readers("axios.defaults.xsrfCookieName = 'csrftoken';\n")).toEqual([
      {
        file: 'web/src/app.js',
        line: 1,
        name: 'csrftoken',
        via: 'axios-xsrf',
        fact: "axios `xsrfCookieName = 'csrftoken'` makes axios read this cookie in the browser and send it as a header",
        inTemplate: false,
      },
    ]);
    expect(names("const api = axios.create({\n  xsrfCookieName: 'my_csrf',\n});\n")).toEqual([
      '2:my_csrf:axios-xsrf',
    ]);
    expect(
      readers(
        "imports: [HttpClientXsrfModule.withOptions({ cookieName: 'My-Xsrf-Cookie', headerName: 'X-My' })],\n",
      ),
    ).toEqual([
      {
        file: 'web/src/app.js',
        line: 1,
        name: 'My-Xsrf-Cookie',
        via: 'angular-xsrf',
        fact: "Angular `HttpClientXsrfModule.withOptions({ cookieName: 'My-Xsrf-Cookie' })` makes HttpClient read this cookie in the browser and send it as a header",
        inTemplate: false,
      },
    ]);
    expect(
      names("provideHttpClient(withXsrfConfiguration({ cookieName: 'CSRF', headerName: 'X-CSRF' }))"),
    ).toEqual(['1:CSRF:angular-xsrf']);
  });

  it('finds names that document.cookie is parsed for', () => {
    const text = [
      "const token = document.cookie.split('; ').find((row) => row.startsWith('csrftoken='))?.split('=')[1];",
      'const m = document.cookie.match(/(?:^|;\\s*)sessions\\s*=\\s*([^;]*)/);',
      'const theme = cookie.parse(document.cookie).theme;',
      "const lang = parse(document.cookie)['lang'];",
      'const mdn = document.cookie.replace(/(?:(?:^|.*;\\s*)test2\\s*\\=\\s*([^;]*).*$)|^.*$/, "$1");',
      'const parts = `; ${document.cookie}`.split(`; remember=`);',
    ].join('\n');
    expect(names(text)).toEqual([
      '1:csrftoken:document.cookie',
      '2:sessions:document.cookie',
      '3:theme:document.cookie',
      '4:lang:document.cookie',
      '5:test2:document.cookie',
      '6:remember:document.cookie',
    ]);
    expect(
      readers("const v = document.cookie.split('; ').find((c) => c.startsWith('sid='));\n")[0]?.fact,
    ).toBe('browser code parses `document.cookie` for `sid`');
  });

  it('ignores writes, server-side reads, names that are not literal, and commented-out code', () => {
    const text = [
      "document.cookie = 'theme=dark; path=/';",
      "document.cookie += 'lang=en';",
      "const sid = ctx.cookies.get('sid');",
      "const token = cookies().get('token');",
      "const a = getCookie(event, 'auth');",
      "const b = req.getCookie('b');",
      'const c = Cookies.get(name);',
      "// const d = Cookies.get('old');",
      " * getCookie('doc')",
      "const e = cookies.get('svelte');",
      "const f = $.cookie('set', 'value');",
    ].join('\n');
    expect(names(text)).toEqual([]);
  });

  it('reads universal-cookie only where the library is imported', () => {
    expect(names("const v = cookies.get('sid');\n")).toEqual([]);
    expect(names("const Cookies = require('universal-cookie');\nconst v = cookies.get('sid');\n")).toEqual([
      '2:sid:universal-cookie',
    ]);
  });
});

describe('browser readers in templates', () => {
  it('reads only inline script blocks, and says so', () => {
    const html = [
      '<html><head><script src="/static/app.js"></script></head>',
      "<body><p>getCookie('not-code')</p>",
      '<script type="application/ld+json">{"x": "getCookie(\'json\')"}</script>',
      '<script>',
      "  var token = getCookie('csrftoken');",
      '</script></body></html>',
    ].join('\n');
    expect(readers(html, 'app/templates/base.html', 'template')).toEqual([
      {
        file: 'app/templates/base.html',
        line: 5,
        name: 'csrftoken',
        via: 'helper',
        fact: "`getCookie('csrftoken')` reads this cookie in browser code (an inline script of a template)",
        inTemplate: true,
      },
    ]);
  });

  it('reads Vue and Svelte script blocks', () => {
    const vue =
      "<template><div /></template>\n<script setup lang=\"ts\">\nimport Cookies from 'js-cookie'\nconst s = Cookies.get('sidebar')\n</script>\n";
    expect(names(vue, 'template')).toEqual(['4:sidebar:js-cookie']);
    const svelte =
      '<script>\n  const match = document.cookie.match(/(^| )lang=([^;]+)/);\n</script>\n<p>{lang}</p>\n';
    expect(names(svelte, 'template')).toEqual(['2:lang:document.cookie']);
  });

  it('finds the script blocks with their offsets', () => {
    const text = '<p>x</p><script>a()</script><SCRIPT type="module">b()</SCRIPT><script src="c.js"></script>';
    expect(
      scriptBlocks(text).map((block) => [block.start, block.text, text.slice(block.start, block.start + 3)]),
    ).toEqual([
      [16, 'a()', 'a()'],
      [50, 'b()', 'b()'],
    ]);
  });
});
