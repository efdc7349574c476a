// New pairs in Ruby options, through the containers the rules build: braces, parentheses, bare keyword
// arguments over one line or several, a plain value wrapped into a hash. Every result must pass `ruby -c`.
import { describe, expect, it } from 'vitest';
import { applyEdits, insertEntries } from '../../src/fix/insert.js';
import { renderEntries } from '../../src/fix/plan.js';
import { parseRuby } from '../../src/languages/ruby/parse.js';
import { rackSessionCookie } from '../../src/rules/rack-session-cookie.js';
import { railsCookies } from '../../src/rules/rails-cookies.js';
import type { RubyRule } from '../../src/rules/rule.js';
import { hasRuby, rubyCheck } from '../corpus/ruby-check.js';

function withFlags(rule: RubyRule, file: string, text: string, keys = ['secure']): string | null {
  const module = parseRuby(file, text);
  const [site] = rule.findSites(module);
  module.tree.delete();
  const container = site!.insertion!.container;
  const items = renderEntries(
    container,
    keys.map((key) => ({ key, value: 'true' })),
    [],
  );
  const edits = insertEntries(text, container, items);
  if (!edits) return null;
  const fixed = applyEdits(text, edits);
  if (hasRuby()) expect(rubyCheck(fixed), fixed).toBeNull();
  return fixed;
}

const controller = (line: string) => `class A < ApplicationController\n  def b\n${line}\n  end\nend\n`;
const cookies = (line: string) => withFlags(railsCookies, 'a.rb', controller(line), ['httponly', 'secure']);

describe('Ruby pairs', () => {
  it('go into braces on one line, with or without padding and after a trailing comma', () => {
    expect(cookies('    cookies[:a] = { value: v }')).toBe(
      controller('    cookies[:a] = { value: v, httponly: true, secure: true }'),
    );
    expect(cookies("    cookies[:a] = { 'value' => v, }")).toBe(
      controller("    cookies[:a] = { 'value' => v, 'httponly' => true, 'secure' => true, }"),
    );
    expect(cookies('    cookies[:a] = {value: v}')).toBe(
      controller('    cookies[:a] = {value: v, httponly: true, secure: true}'),
    );
  });

  it('go on their own lines in a multi-line hash, CRLF and tabs kept', () => {
    const input = controller(
      '\t\tcookies[:a] = {\r\n\t\t\t:value => v,\r\n\t\t\t:path => "/" # all pages\r\n\t\t}',
    );
    expect(cookies(input.slice(input.indexOf('\t\t'), input.lastIndexOf('\n  end')))).toBe(
      controller(
        '\t\tcookies[:a] = {\r\n\t\t\t:value => v,\r\n\t\t\t:path => "/", # all pages\r\n\t\t\t:httponly => true,\r\n\t\t\t:secure => true\r\n\t\t}',
      ),
    );
  });

  it('follow bare keyword arguments on their line, or on lines of their own where the author puts each', () => {
    const config = (text: string) => withFlags(rackSessionCookie, 'config.ru', text);
    expect(config("use Rack::Session::Cookie, key: 'a', secret: s\n")).toBe(
      "use Rack::Session::Cookie, key: 'a', secret: s, secure: true\n",
    );
    expect(config("use Rack::Session::Cookie,\n    key: 'a',\n    secret: s # from ENV\nrun App\n")).toBe(
      "use Rack::Session::Cookie,\n    key: 'a',\n    secret: s, # from ENV\n    secure: true\nrun App\n",
    );
    // Two pairs on the last line: the new one joins them.
    expect(config("use Rack::Session::Cookie,\n    key: 'a', secret: s\n")).toBe(
      "use Rack::Session::Cookie,\n    key: 'a', secret: s, secure: true\n",
    );
    // A modifier after the arguments stays after them.
    expect(config("use Rack::Session::Cookie, key: 'a' if production?\n")).toBe(
      "use Rack::Session::Cookie, key: 'a', secure: true if production?\n",
    );
  });

  it('wrap a plain value into a hash', () => {
    expect(cookies("    cookies[:a] = 'v'")).toBe(
      controller("    cookies[:a] = { value: 'v', httponly: true, secure: true }"),
    );
    expect(cookies('    cookies[:a] = token.to_s if token')).toBe(
      controller('    cookies[:a] = { value: token.to_s, httponly: true, secure: true } if token'),
    );
  });

  it('are not written after a block argument or a heredoc', () => {
    const module = parseRuby('config.ru', 'use Rack::Session::Cookie, key: <<~KEY\n  a\nKEY\n');
    const [site] = rackSessionCookie.findSites(module);
    module.tree.delete();
    expect(site!.insertion).toBeNull();
  });
});
