import { describe, expect, it } from 'vitest';
import { isTestFile, languageOf } from '../../src/languages/index.js';
import { phpCodeText } from '../../src/languages/php/code-text.js';
import { globalCalls, parsePhp, textOf } from '../../src/languages/php/parse.js';
import { phpSupport } from '../../src/languages/php/support.js';

describe('phpCodeText', () => {
  it('blanks //, # and block comments, and a line comment stops at ?>', () => {
    const text = "<?php\n// setcookie('a', 'b');\n# setcookie\n/* setcookie */ $x = 1; // x ?> <p>hi</p>\n";
    expect(phpCodeText(text)).toBe('<?php\n\n\n $x = 1; ?> <p>hi</p>\n');
  });

  it('keeps strings and attributes, which only look like comments', () => {
    const text = "<?php\n$u = 'http://x/#setcookie';\n#[Route('/')]\nfunction a() {}\n";
    expect(phpCodeText(text)).toBe(text);
  });

  it('gives up (null) on heredocs and on what never closes', () => {
    expect(phpCodeText('<?php\n$a = <<<EOT\n// setcookie\nEOT;\n')).toBeNull();
    expect(phpCodeText("<?php\n$a = 'setcookie")).toBeNull();
    expect(phpCodeText('<?php\n/* setcookie')).toBeNull();
  });

  it('lets the scan drop a file whose only setcookie is in a comment', () => {
    expect(phpSupport.onlyInProse('a.php', "<?php\n// setcookie('a', 'b');\n")).toBe(true);
    expect(phpSupport.onlyInProse('a.php', "<?php\nsetcookie('a', 'b');\n")).toBe(false);
  });
});

describe('PHP files', () => {
  it('are .php sources, not Blade views; *Test.php and tests/ are test files', () => {
    expect(languageOf('src/Auth.php')).toBe('php');
    expect(languageOf('resources/views/home.blade.php')).toBeNull();
    expect(isTestFile('tests/Feature/LoginTest.php')).toBe(true);
    expect(isTestFile('src/LoginTest.php')).toBe(true);
    expect(isTestFile('src/Testing.php')).toBe(false);
  });
});

describe('globalCalls', () => {
  const calls = (text: string) => {
    const module = parsePhp('a.php', text);
    return globalCalls(module, ['setcookie']).map((call) => textOf(module, call));
  };

  it('finds the global function in any case and with a leading backslash, not methods or statics', () => {
    expect(
      calls(
        "<?php\nSetCookie('a', 'b');\n\\setcookie('c', 'd');\n$r->setcookie('e');\nJar::setcookie('f');\n",
      ),
    ).toEqual(["SetCookie('a', 'b')", "\\setcookie('c', 'd')"]);
  });

  it('skips every call where the file declares or imports its own function of that name', () => {
    expect(calls("<?php\nnamespace App;\nfunction setcookie($a, $b) {}\nsetcookie('a', 'b');\n")).toEqual([]);
    expect(calls("<?php\nuse function App\\Http\\setcookie;\nsetcookie('a', 'b');\n")).toEqual([]);
  });
});
