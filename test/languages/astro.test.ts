// `.astro` components: only the frontmatter is parsed, at the offsets it has in the file, and discovery lists them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { discoverFiles } from '../../src/discover/list-files.js';
import { frontmatterOnly, frontmatterSpan } from '../../src/languages/astro.js';
import { callsOf, parseJavaScript } from '../../src/languages/javascript.js';
import { scanFiles } from '../../src/scan.js';
import { temporaryFolder } from '../cli/helpers.js';

const PAGE = [
  '---',
  "const user = Astro.locals.user ?? 'guest';",
  "Astro.cookies.set('session', user);",
  '---',
  '<p>Hello {user}, type --- to separate</p>',
  '<script>document.cookie = "x=1";</script>',
  '',
].join('\n');

describe('Astro frontmatter', () => {
  it('is the code between the fences', () => {
    const span = frontmatterSpan(PAGE)!;
    expect(PAGE.slice(span.start, span.end)).toBe(
      "\nconst user = Astro.locals.user ?? 'guest';\nAstro.cookies.set('session', user);\n",
    );
  });

  it('is parsed alone, with the same length, line breaks and offsets as the file', () => {
    const blanked = frontmatterOnly(PAGE);
    expect(blanked.length).toBe(PAGE.length);
    expect(blanked.split('\n').length).toBe(PAGE.split('\n').length);
    expect(blanked.split('\n')[4]!.trim()).toBe('');
    const module = parseJavaScript('src/pages/index.astro', PAGE);
    expect(module.errorCount).toBe(0);
    const calls = [...callsOf(module)].map((call) => PAGE.slice(call.node.start, call.node.end));
    expect(calls).toEqual(["Astro.cookies.set('session', user)"]);
  });

  it('may follow whitespace and HTML comments, and keeps CRLF line breaks', () => {
    const text = '\r\n<!-- page -->\r\n---\r\nconst a = 1;\r\n---\r\n<p>{a}</p>\r\n';
    const span = frontmatterSpan(text)!;
    expect(text.slice(span.start, span.end)).toBe('\r\nconst a = 1;\r\n');
    const blank = (length: number) => ' '.repeat(length);
    expect(frontmatterOnly(text)).toBe(
      `\r\n${blank(13)}\r\n${blank(3)}\r\nconst a = 1;\r\n${blank(3)}\r\n${blank(10)}\r\n`,
    );
  });

  it('is absent without fences, after an element, or when never closed: nothing is parsed', () => {
    for (const text of [
      '<p>Astro.cookies.set("a", "b")</p>\n',
      '<div />\n---\nAstro.cookies.set("a", "b");\n---\n',
      '---\nAstro.cookies.set("a", "b");\n<p>no closing fence</p>\n',
    ]) {
      expect(frontmatterSpan(text)).toBeNull();
      expect(frontmatterOnly(text).trim()).toBe('');
    }
  });

  it('is fixed without touching the template, CRLF file included', () => {
    const text = PAGE.replace(/\n/g, '\r\n');
    const result = scanFiles({
      files: ['src/pages/index.astro'],
      read: () => ({ text }),
      config: DEFAULT_CONFIG,
    });
    expect(result.findings.map((f) => [f.ruleId, f.line, f.column, f.outcome])).toEqual([
      ['astro-cookies-set', 3, 1, 'fixable'],
    ]);
    expect(result.changes.map((change) => change.after)).toEqual([
      text.replace(
        "Astro.cookies.set('session', user);",
        "Astro.cookies.set('session', user, { httpOnly: true, secure: true });",
      ),
    ]);
  });
});

describe('Astro frontmatter with tabs, and a template with astral characters and U+2028', () => {
  it('is fixed at the right offsets', () => {
    const text =
      "---\nif (Astro.request.method === 'POST') {\n\tAstro.cookies.set('session', 'v');\n}\n---\n<p>\u{1F36A} a\u2028b</p>\n";
    const result = scanFiles({
      files: ['src/pages/a.astro'],
      read: () => ({ text }),
      config: DEFAULT_CONFIG,
    });
    expect(result.findings.map((f) => [f.line, f.column])).toEqual([[3, 2]]);
    expect(result.changes.map((change) => change.after)).toEqual([
      text.replace("'v');", "'v', { httpOnly: true, secure: true });"),
    ]);
  });
});

describe('discovery', () => {
  it('lists .astro pages and components as sources', () => {
    const folder = temporaryFolder();
    mkdirSync(join(folder, 'src', 'pages'), { recursive: true });
    writeFileSync(join(folder, 'src', 'pages', 'login.astro'), PAGE);
    writeFileSync(join(folder, 'src', 'pages', 'notes.md'), '# Astro.cookies\n');
    expect(discoverFiles(folder, { paths: [], exclude: [] }).files).toEqual(['src/pages/login.astro']);
  });
});
