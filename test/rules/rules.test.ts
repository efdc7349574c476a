// One runner for every rule fixture. A case is `<case>.input.<ext>` (+ `<case>.output.<ext>` when the fix
// changes it) or a folder `<case>/` holding several such files (for options defined in another module).
// Annotations on the line above a site: `ruleid: <rule-id> [problem…] [outcome]` and `ok: <rule-id>`.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { FRAMEWORK_FACTS } from '../../src/rules/frameworks.js';
import { RULES } from '../../src/rules/index.js';
import { scanFiles } from '../../src/scan.js';
import { parseJavaScript } from '../../src/languages/javascript.js';
import { parsePython } from '../../src/languages/python.js';
import { parseGo } from '../../src/languages/go/parse.js';
import { parsePhp } from '../../src/languages/php/parse.js';
import { parseJava } from '../../src/languages/java/parse.js';
import { parseCSharp } from '../../src/languages/csharp/parse.js';
import { parseProperties } from '../../src/languages/java/properties.js';
import { parseSpringYaml } from '../../src/languages/java/spring-yaml.js';
import { parseRuby } from '../../src/languages/ruby/parse.js';
import { isIniFile, parseIni } from '../../src/languages/ini.js';
import { hasRuby, rubyCheck } from '../corpus/ruby-check.js';
import type { Finding } from '../../src/model.js';

const FIXTURES = new URL('.', import.meta.url).pathname;

interface FixtureCase {
  name: string;
  /** Virtual path → input text. */
  inputs: Map<string, string>;
  /** Virtual path → expected text after the fix (absent: unchanged). */
  outputs: Map<string, string>;
}

function loadCases(ruleId: string): FixtureCase[] {
  const folder = join(FIXTURES, ruleId);
  const cases = new Map<string, FixtureCase>();
  try {
    statSync(folder);
  } catch {
    return [];
  }
  const visit = (path: string, caseName: string | null) => {
    for (const entry of readdirSync(path)) {
      const full = join(path, entry);
      if (statSync(full).isDirectory()) {
        visit(full, caseName ?? entry);
        continue;
      }
      const match = /^(.*)\.(input|output)(\.[a-z]+)$/.exec(entry);
      if (!match) continue;
      const [, stem, role, extension] = match as unknown as [string, string, string, string];
      const name = caseName ?? stem;
      const base = caseName ? relative(join(folder, caseName), path) : '';
      const virtual = join(base, `${stem}${extension}`).split('\\').join('/');
      const fixture = cases.get(name) ?? { name, inputs: new Map(), outputs: new Map() };
      (role === 'input' ? fixture.inputs : fixture.outputs).set(virtual, readFileSync(full, 'utf8'));
      cases.set(name, fixture);
    }
  };
  visit(folder, null);
  return [...cases.values()];
}

interface Annotation {
  kind: 'ruleid' | 'ok';
  ruleId: string;
  details: string[];
  file: string;
  line: number;
}

/** Each annotation applies to the next line that is not itself a comment. */
function annotationsOf(file: string, text: string): Annotation[] {
  const lines = text.split('\n');
  const found: Annotation[] = [];
  lines.forEach((line, index) => {
    const match = /(?:\/\/|#|;|<!--|\/\*|\{\/\*)\s*(ruleid|ok):\s*([\w-]+)((?:(?!-->)[^*\n])*)/.exec(line);
    if (!match) return;
    let target = index + 1;
    while (target < lines.length && /^\s*(\/\/|#|;|<!--|\/\*|\{\/\*)/.test(lines[target] ?? '')) target++;
    found.push({
      kind: match[1] as 'ruleid' | 'ok',
      ruleId: match[2]!,
      details: (match[3] ?? '').trim().split(/\s+/).filter(Boolean),
      file,
      line: target + 1,
    });
  });
  return found;
}

/**
 * The inputs with `cookie-hardener-ignore: generated` above every site annotated for the rule, in the file's
 * comment syntax and at the site line's indentation.
 */
function withIgnoreComments(inputs: Map<string, string>, ruleId: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const [file, text] of inputs) {
    const targets = new Set(
      annotationsOf(file, text)
        .filter((a) => a.kind === 'ruleid' && a.ruleId === ruleId)
        .map((a) => a.line),
    );
    const lines = text.split('\n');
    const out: string[] = [];
    lines.forEach((line, index) => {
      if (targets.has(index + 1)) {
        const indent = /^\s*/.exec(line)![0];
        const above = lines[index - 1] ?? '';
        const comment =
          /\.(?:py|rb|ru)$/.test(file) || /\.(properties|ya?ml)$/.test(file)
            ? '# cookie-hardener-ignore: generated'
            : isIniFile(file)
              ? '; cookie-hardener-ignore: generated'
              : file.endsWith('.xml')
                ? '<!-- cookie-hardener-ignore: generated -->'
                : /^\s*\{\/\*/.test(above)
                  ? '{/* cookie-hardener-ignore: generated */}'
                  : '// cookie-hardener-ignore: generated';
        out.push(indent + comment);
      }
      out.push(line);
    });
    result.set(file, out.join('\n'));
  }
  return result;
}

function scanTexts(texts: Map<string, string>) {
  return scanFiles({
    files: [...texts.keys()].sort(),
    read: (file) => {
      const text = texts.get(file);
      return text === undefined ? { skip: 'missing' } : { text };
    },
    config: DEFAULT_CONFIG,
  });
}

/** Where Debian's golang-go is installed (`.ci/run` installs it): a fixed Go file must stay gofmt-clean. */
const GOFMT = spawnSync('gofmt', ['-l'], { input: '' }).status === 0;

function gofmtClean(text: string): boolean {
  if (!GOFMT) return true;
  const result = spawnSync('gofmt', ['-l'], { input: text, encoding: 'utf8' });
  // With the source on standard input, `gofmt -l` names "<standard input>" when it would reformat it.
  return result.status === 0 && result.stdout.trim() === '';
}

/** Where the PHP CLI is installed (`.ci/run` installs it): a fixed PHP file must pass `php -l`. */
const PHP = spawnSync('php', ['-v']).status === 0;

function phpLintClean(text: string): boolean {
  if (!PHP) return true;
  return spawnSync('php', ['-l'], { input: text, encoding: 'utf8' }).status === 0;
}

/** PHP reads a fixed php.ini snippet without a warning (`php -n -c` loads only that file). */
function phpIniClean(text: string): boolean {
  if (!PHP) return true;
  const folder = mkdtempSync(join(tmpdir(), 'ini-'));
  try {
    writeFileSync(join(folder, 'php.ini'), text);
    const run = spawnSync('php', ['-n', '-c', join(folder, 'php.ini'), '-r', ''], { encoding: 'utf8' });
    return run.status === 0 && !/warning|error/i.test(run.stdout + run.stderr);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** A fixed web.xml is still well-formed XML (Python's expat, on every machine the suite runs on). */
function xmlWellFormed(text: string): boolean {
  const check = 'import sys, xml.dom.minidom; xml.dom.minidom.parseString(sys.stdin.buffer.read())';
  return spawnSync('python3', ['-c', check], { input: text }).status === 0;
}

/** A fixed Ruby file must parse without errors and pass `ruby -c` where Ruby is installed (`.ci/run`). */
function rubyClean(file: string, text: string): boolean {
  const module = parseRuby(file, text);
  module.tree.delete();
  return module.errorCount === 0 && (!hasRuby() || rubyCheck(text) === null);
}

function reparses(file: string, text: string): boolean {
  if (/\.(?:rb|ru)$/.test(file)) return rubyClean(file, text);
  if (file.endsWith('.xml')) return xmlWellFormed(text);
  if (isIniFile(file) && /^\s*session\./m.test(text)) return phpIniClean(text);
  if (file.endsWith('.py')) return parsePython(file, text).errorCount === 0;
  if (file.endsWith('.go')) return parseGo(file, text).errorCount === 0 && gofmtClean(text);
  if (file.endsWith('.php')) return parsePhp(file, text).errorCount === 0 && phpLintClean(text);
  if (file.endsWith('.java')) return parseJava(file, text).errorCount === 0;
  if (file.endsWith('.cs')) {
    // No C# compiler on this machine: the grammar is the check.
    const module = parseCSharp(file, text);
    module.tree.delete();
    return module.errorCount === 0;
  }
  if (file.endsWith('.properties')) return parseProperties(file, text).errorCount === 0;
  if (/\.ya?ml$/.test(file)) return parseSpringYaml(file, text).errorCount === 0;
  if (isIniFile(file)) return parseIni(file, text).errorCount === 0;
  return parseJavaScript(file, text).errorCount === 0;
}

describe.each(RULES.map((rule) => rule.meta.id))('rule %s', (ruleId) => {
  const cases = loadCases(ruleId);

  it('has fixtures', () => {
    expect(cases.length).toBeGreaterThan(0);
    expect(cases.flatMap((c) => [...c.inputs.values()]).join('\n')).toContain(`ruleid: ${ruleId}`);
  });

  for (const fixture of cases) {
    describe(fixture.name, () => {
      const result = scanTexts(fixture.inputs);
      const ours = result.findings.filter((finding) => finding.ruleId === ruleId);
      const annotations = [...fixture.inputs].flatMap(([file, text]) => annotationsOf(file, text));

      it('reports exactly the annotated sites', () => {
        const expected = annotations
          .filter((a) => a.kind === 'ruleid' && a.ruleId === ruleId)
          .map((a) => `${a.file}:${a.line}`)
          .sort();
        const actual = ours.map((finding) => `${finding.file}:${finding.line}`).sort();
        expect(actual).toEqual(expected);
      });

      // Only where there is something to check: a case with no `ok:` site would pass it by asserting nothing.
      const silent = annotations.filter((a) => a.kind === 'ok' && a.ruleId === ruleId);
      if (silent.length > 0) {
        it('stays silent on ok: sites', () => {
          for (const annotation of silent) {
            const hits = ours.filter((f) => f.file === annotation.file && f.line === annotation.line);
            expect(hits, `${annotation.file}:${annotation.line}`).toEqual([]);
          }
        });
      }

      // Every `ruleid:` annotation states what it expects, including one for another rule's look-alike site
      // (checked against that rule's findings): a bare annotation would let a change of outcome pass unseen.
      it('reports the annotated problems and outcomes', () => {
        const expected = annotations.filter((a) => a.kind === 'ruleid');
        for (const annotation of expected) {
          const where = `${annotation.file}:${annotation.line} (${annotation.ruleId})`;
          expect(
            annotation.details,
            `${where}: a ruleid: annotation needs its problems and outcome`,
          ).not.toEqual([]);
          const finding = result.findings.find(
            (f) => f.ruleId === annotation.ruleId && f.file === annotation.file && f.line === annotation.line,
          ) as Finding;
          expect(finding, where).toBeDefined();
          const described = [...finding.problems, finding.outcome];
          expect(described, where).toEqual(annotation.details);
        }
      });

      it('fixes to exactly the expected output', () => {
        const after = new Map(result.changes.map((change) => [change.file, change.after]));
        for (const [file, input] of fixture.inputs) {
          const expected = fixture.outputs.get(file) ?? input;
          expect(after.get(file) ?? input, file).toBe(expected);
        }
        for (const file of fixture.outputs.keys()) expect(fixture.inputs.has(file), file).toBe(true);
      });

      it('honours a cookie-hardener-ignore comment above every site', () => {
        const ignoredInputs = withIgnoreComments(fixture.inputs, ruleId);
        const ignored = scanTexts(ignoredInputs);
        const after = new Map(ignored.changes.map((change) => [change.file, change.after]));
        const expected = [...ignoredInputs].flatMap(([file, text]) =>
          annotationsOf(file, text).filter((a) => a.kind === 'ruleid' && a.ruleId === ruleId),
        );
        for (const annotation of expected) {
          const where = `${annotation.file}:${annotation.line}`;
          const finding = ignored.findings.find(
            (f) => f.ruleId === ruleId && f.file === annotation.file && f.line === annotation.line,
          );
          expect(finding?.outcome, where).toBe('ignored');
          expect(finding?.notChangedReasons, where).toEqual([
            'ignored by a cookie-hardener-ignore comment: generated',
          ]);
          expect(finding?.edits, where).toEqual([]);
          const input = ignoredInputs.get(annotation.file)!;
          const output = after.get(annotation.file) ?? input;
          // The site's line and the comment above it come out as they went in.
          const lines = (text: string) => text.split('\n').slice(annotation.line - 2, annotation.line);
          expect(lines(output), where).toEqual(lines(input));
        }
      });

      it('leaves output that parses and needs nothing more', () => {
        const fixed = new Map(fixture.inputs);
        for (const change of result.changes) fixed.set(change.file, change.after);
        for (const change of result.changes)
          expect(reparses(change.file, change.after), change.file).toBe(true);
        const second = scanTexts(fixed);
        expect(second.changes.map((change) => change.file)).toEqual([]);
      });
    });
  }
});

describe('rule catalogue', () => {
  it('registers every fixture folder and every rule file', () => {
    const folders = readdirSync(FIXTURES).filter((entry) => statSync(join(FIXTURES, entry)).isDirectory());
    const ids = RULES.map((rule) => rule.meta.id);
    expect(folders.sort()).toEqual([...ids].sort());
    const ruleFiles = readdirSync(new URL('../../src/rules/', import.meta.url).pathname)
      .filter(
        (file) =>
          ![
            'index.ts',
            'rule.ts',
            'js-site.ts',
            'javascript-rules.ts',
            'python-rules.ts',
            'go-rules.ts',
            'php-rules.ts',
            'java-rules.ts',
            'csharp-rules.ts',
            'ruby-rules.ts',
            'ignore.ts',
            'prefilter.ts',
            'frameworks.ts',
          ].includes(file) && !file.endsWith('-common.ts'),
      )
      .map((file) => file.replace(/\.ts$/, ''));
    expect(ruleFiles.sort()).toEqual([...ids].sort());
  });

  it('has the facts of every framework a rule names, and no facts no rule names', () => {
    const frameworks = new Set(RULES.map((rule) => rule.meta.framework));
    expect([...frameworks].sort()).toEqual(Object.keys(FRAMEWORK_FACTS).sort());
  });

  it('has unique ids of the form <framework>-<api>', () => {
    const ids = RULES.map((rule) => rule.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/);
  });
});
