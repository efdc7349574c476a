import { describe, expect, it } from 'vitest';
import { isTestFile, languageOf } from '../../src/languages/index.js';
import { rubyCodeText } from '../../src/languages/ruby/code-text.js';
import {
  hashItems,
  parseRuby,
  rubyFlagValue,
  symbolName,
  type RubyModule,
} from '../../src/languages/ruby/parse.js';
import { rubySupport } from '../../src/languages/ruby/support.js';
import { prepareLanguages } from '../../src/languages/registry.js';
import type { Node } from 'web-tree-sitter';

function withModule<T>(text: string, use: (module: RubyModule) => T): T {
  const module = parseRuby('app.rb', text);
  try {
    return use(module);
  } finally {
    module.tree.delete();
  }
}

describe('rubyCodeText', () => {
  it('blanks whole-line # comments and =begin blocks, and keeps a # after code', () => {
    const text = '# cookies[:a] = 1\n=begin\ncookies[:b] = 2\n=end\nx = 1 # cookies[:c]\n';
    expect(rubyCodeText(text)).toBe('\n\n\n\nx = 1 # cookies[:c]\n');
  });

  it('keeps strings that hold a #, and gives up (null) on heredocs, percent literals and open quotes', () => {
    expect(rubyCodeText("color = '#fff'\ncookies[:a] = color\n")).toBe(
      "color = '#fff'\ncookies[:a] = color\n",
    );
    expect(rubyCodeText('sql = <<~SQL\n  # cookies[:a]\nSQL\n')).toBeNull();
    expect(rubyCodeText('list = %w(\n  # cookies[:a]\n)\n')).toBeNull();
    expect(rubyCodeText("text = 'line one\n# cookies[:a]'\n")).toBeNull();
    expect(rubyCodeText('=begin\ncookies[:a] = 1\n')).toBeNull();
  });

  it('lets the scan drop a file whose only cookie code is in comments', () => {
    expect(rubySupport.onlyInProse('a.rb', '# cookies[:a] = 1\n')).toBe(true);
    expect(rubySupport.onlyInProse('a.rb', "cookies[:a] = 'b'\n")).toBe(false);
  });
});

describe('Ruby files', () => {
  it('are .rb sources and config.ru; specs and *_test.rb are test files', () => {
    expect(languageOf('app/controllers/sessions_controller.rb')).toBe('ruby');
    expect(languageOf('config.ru')).toBe('ruby');
    expect(languageOf('app/views/home.html.erb')).toBeNull();
    expect(isTestFile('spec/requests/login_spec.rb')).toBe(true);
    expect(isTestFile('lib/login_spec.rb')).toBe(true);
    expect(isTestFile('lib/login_test.rb')).toBe(true);
    expect(isTestFile('app/models/contest.rb')).toBe(false);
  });

  it('need the WebAssembly grammar, which the entry points load before a scan with Ruby files', async () => {
    await expect(prepareLanguages(['app.rb'])).resolves.toBeUndefined();
  });
});

describe('Ruby hashes and values', () => {
  const hashOf = (module: RubyModule): Node => module.root.descendantsOfType('hash')[0]!;

  it('reads keys in every spelling, and sees splats and computed keys', () => {
    withModule('x = { a: 1, :b => 2, \'c\' => 3, "d": 4, **rest, key => 5 }\n', (module) => {
      const items = hashItems(module, hashOf(module));
      expect(items.entries.map((entry) => entry.key)).toEqual(['a', 'b', 'c', 'd', null]);
      expect(items.spread).toBe(true);
      expect(items.style).toBe('');
    });
    withModule('x = { :b => 2, a: 1 }\n', (module) =>
      expect(hashItems(module, hashOf(module)).style).toBe(':'),
    );
    withModule("x = { 'b' => 2 }\n", (module) => expect(hashItems(module, hashOf(module)).style).toBe("'"));
    // Arguments forwarded with `...` may hold any key.
    withModule('def a(...)\n  b(:x, path: "/", ...)\nend\n', (module) => {
      const list = module.root.descendantsOfType('argument_list')[0]!;
      expect(hashItems(module, list).spread).toBe(true);
    });
    withModule('x = :"secure"\n', (module) =>
      expect(symbolName(module, module.root.descendantsOfType('delimited_symbol')[0])).toBe('secure'),
    );
  });

  it('reads flag values: false and nil are off, the Rails environment decides in production', () => {
    const valueOf = (source: string) =>
      withModule(`x = { secure: ${source} }\n`, (module) => {
        const value = hashItems(module, hashOf(module)).entries[0]!.value;
        const flag = rubyFlagValue(module, value);
        return flag.kind === 'conditional' ? `${flag.kind}${flag.devOnly ? ' (dev only)' : ''}` : flag.kind;
      });
    expect(valueOf('true')).toBe('true');
    expect(valueOf('false')).toBe('false');
    expect(valueOf('nil')).toBe('false');
    expect(valueOf('Rails.env.production?')).toBe('true');
    expect(valueOf('!Rails.env.development?')).toBe('true');
    expect(valueOf('Rails.env.development?')).toBe('conditional (dev only)');
    expect(valueOf("ENV['HTTPS'] == 'on'")).toBe('conditional');
  });
});
