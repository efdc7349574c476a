// `javac` as the judge of an injected and fixed Java text, where a JDK put it on PATH. The JDK's own sources
// cannot be compiled one file at a time (they belong to modules such as java.base), so the corpus run only
// re-parses them; the unit tests compile a small class of their own against minimal stand-ins for the
// servlet and Spring classes the injection uses.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

let available: boolean | undefined;

export function hasJavac(): boolean {
  available ??= spawnSync('javac', ['-version']).status === 0;
  return available;
}

/** Just the members the injected method and the fixes call, with the types they take and return. */
function standIns(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const servlet of ['javax', 'jakarta']) {
    files[`${servlet}/servlet/http/Cookie.java`] = [
      `package ${servlet}.servlet.http;`,
      'public class Cookie {',
      '  public Cookie(String name, String value) {}',
      '  public void setPath(String uri) {}',
      '  public void setHttpOnly(boolean on) {}',
      '  public void setSecure(boolean on) {}',
      '}',
      '',
    ].join('\n');
    files[`${servlet}/servlet/http/HttpServletResponse.java`] = [
      `package ${servlet}.servlet.http;`,
      'public interface HttpServletResponse {',
      '  void addCookie(Cookie cookie);',
      '  void addHeader(String name, String value);',
      '}',
      '',
    ].join('\n');
  }
  files['org/springframework/http/ResponseCookie.java'] = [
    'package org.springframework.http;',
    'public final class ResponseCookie {',
    '  public static Builder from(String name, String value) { return new Builder(); }',
    '  public static final class Builder {',
    '    public Builder path(String path) { return this; }',
    '    public Builder httpOnly(boolean on) { return this; }',
    '    public Builder secure(boolean on) { return this; }',
    '    public ResponseCookie build() { return new ResponseCookie(); }',
    '  }',
    '}',
    '',
  ].join('\n');
  return files;
}

/** null when javac compiles `sources` (relative path → text) with the stand-ins; otherwise its complaint. */
export function compileJava(sources: Record<string, string>): string | null {
  const folder = mkdtempSync(join(tmpdir(), 'cookie-hardener-javac-'));
  try {
    const files = Object.entries({ ...standIns(), ...sources }).map(([path, text]) => {
      const file = join(folder, 'src', path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
      return file;
    });
    const result = spawnSync('javac', ['-nowarn', '-d', join(folder, 'classes'), ...files], {
      encoding: 'utf8',
    });
    if (result.status === 0) return null;
    return `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() || `javac exited with ${result.status}`;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
