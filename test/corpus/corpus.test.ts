// Corpus safety test: scan + fix over real code we did not write, and over copies of it with an injected
// cookie site, holding every file to the fixer's promises. `CORPUS=full` runs every file (npm run
// test:corpus); otherwise a fixed stride sample keeps `npm test` fast. Any failure is a bug in the engine.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FileReport, PythonChange } from './check.js';
import {
  csharpCorpus,
  goCorpus,
  javaCorpus,
  javascriptCorpus,
  phpCorpus,
  pythonCorpus,
  rubyCorpus,
  sample,
  type Corpus,
} from './corpora.js';
import { hasGofmt } from './gofmt.js';
import { hasPhp } from './php-lint.js';
import { hasRuby } from './ruby-check.js';
import { bundleWorker, runPool } from './pool.js';

const FULL = process.env.CORPUS === 'full';
/**
 * Files per bounded run. Java's is smaller: nearly every JDK file has a class to inject into (two cookie sites
 * per copy), so 150 files fix about 130 copies in about 5 s, as many as the others fix from 300.
 */
const SAMPLE_SIZE = { javascript: 300, python: 300, go: 300, php: 300, java: 150, csharp: 300, ruby: 300 };
/**
 * Per task (one file, or one injected copy). The slowest real task takes about 5 s on an idle 2-core machine
 * (a 660 KB bundle: parse, fix, verify, second pass); a hang never ends. The margin keeps a loaded CI
 * machine from turning slowness into false hangs.
 */
const TIME_LIMIT_MS = 30_000;
const WORKERS = Math.min(FULL ? 4 : 2, availableParallelism());

interface Tally {
  corpus: string;
  files: number;
  skipped: Map<string, number>;
  syntaxErrors: number;
  parsed: number;
  withFindings: number;
  changed: number;
  injected: number;
  injectedFixed: number;
  injectedExcused: Map<string, number>;
  injectedInvalid: number;
  failures: string[];
  /** Failures by check, with the first one of each as an example. */
  failureKinds: Map<string, { count: number; example: string }>;
  gofmtChecked: number;
  phpLinted: number;
  rubyChecked: number;
  slowest: Array<{ file: string; ms: number }>;
  pythonChanges: Array<PythonChange & { file: string }>;
  ms: number;
}

/** "larger than 1 MiB (1234 bytes)" and "larger than 1 MiB (5678 bytes)" are one reason. */
function reasonKey(reason: string): string {
  return reason.replace(/\s*\(.*\)$/, '').replace(/ at line \d+, column \d+.*$/, '');
}

function count(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

async function runCorpus(corpus: Corpus, size: number, script: string): Promise<Tally> {
  const files = FULL ? corpus.files : sample(corpus.files, size);
  const root = corpus.extract ? corpus.extract(files) : corpus.root;
  const tally: Tally = {
    corpus: corpus.name,
    files: files.length,
    skipped: new Map(),
    syntaxErrors: 0,
    parsed: 0,
    withFindings: 0,
    changed: 0,
    injected: 0,
    injectedFixed: 0,
    injectedExcused: new Map(),
    injectedInvalid: 0,
    failures: [],
    failureKinds: new Map(),
    gofmtChecked: 0,
    phpLinted: 0,
    rubyChecked: 0,
    slowest: [],
    pythonChanges: [],
    ms: 0,
  };
  const started = performance.now();
  await runPool(
    files.map((file, index) => ({ root, file, index, allPlacements: FULL, part: 'original' })),
    {
      script,
      workers: WORKERS,
      timeLimitMs: TIME_LIMIT_MS,
      onReport: (task, report: FileReport, ms) => {
        tally.slowest.push({ file: `${task.file} (${task.part})`, ms });
        tally.slowest.sort((a, b) => b.ms - a.ms).splice(3);
        for (const failure of report.failures) {
          const line = `${task.file} [${failure.subject}] ${failure.check}: ${failure.message}`;
          tally.failures.push(line);
          const kind = tally.failureKinds.get(failure.check);
          if (kind) kind.count++;
          else tally.failureKinds.set(failure.check, { count: 1, example: line });
        }
        tally.gofmtChecked += report.gofmtChecked;
        tally.phpLinted += report.phpLinted;
        tally.rubyChecked += report.rubyChecked;
        for (const change of report.pythonChanges) tally.pythonChanges.push({ ...change, file: task.file });
        for (const injection of report.injections) {
          if (injection.status === 'invalid') {
            tally.injectedInvalid++;
            continue;
          }
          tally.injected++;
          if (injection.status === 'fixed') tally.injectedFixed++;
          if (injection.status === 'excused') count(tally.injectedExcused, injection.detail.split(':')[0]!);
        }
        if (task.part !== 'original') return [];
        if (report.skipped !== undefined) {
          count(tally.skipped, reasonKey(report.skipped));
          return [];
        }
        if (report.syntaxError !== undefined) tally.syntaxErrors++;
        if (report.parsed) tally.parsed++;
        if (report.findings > 0) tally.withFindings++;
        if (report.changed) tally.changed++;
        // Each injected copy is checked as a task of its own, with its own time limit.
        return report.placements.map((part) => ({ ...task, part }));
      },
    },
  );
  tally.ms = performance.now() - started;
  if (root !== corpus.root) rmSync(root, { recursive: true, force: true });
  return tally;
}

function print(tally: Tally): void {
  const lines = [
    `corpus: ${tally.corpus} (${FULL ? 'full' : 'sample'}, ${WORKERS} worker${WORKERS > 1 ? 's' : ''})`,
    `  files ${tally.files}, read ${tally.files - sum(tally.skipped)}, parsed ${tally.parsed}, with syntax errors ${tally.syntaxErrors}`,
    `  skipped: ${[...tally.skipped].map(([reason, n]) => `${reason} ${n}`).join('; ') || 'none'}`,
    `  originals with findings ${tally.withFindings}, changed by the fix ${tally.changed}`,
    `  injected sites ${tally.injected} (plus ${tally.injectedInvalid} copies not valid in place): fixed ${tally.injectedFixed}`,
    `  excused: ${[...tally.injectedExcused].map(([reason, n]) => `${reason} ${n}`).join('; ') || 'none'}`,
    ...(tally.gofmtChecked > 0 ? [`  fixed texts held to gofmt ${tally.gofmtChecked}`] : []),
    ...(tally.phpLinted > 0 ? [`  fixed texts held to php -l ${tally.phpLinted}`] : []),
    ...(tally.rubyChecked > 0 ? [`  fixed texts held to ruby -c ${tally.rubyChecked}`] : []),
    ...[...tally.failureKinds].map(
      ([check, kind]) =>
        `  failed: ${check} ${kind.count}, e.g. ${kind.example.split('\n').join('\n      ')}`,
    ),
    `  failures ${tally.failures.length}; wall ${(tally.ms / 1000).toFixed(1)} s; slowest ${tally.slowest
      .map((entry) => `${entry.file} ${Math.round(entry.ms)} ms`)
      .join(', ')}`,
  ];
  console.log(lines.join('\n'));
}

function sum(map: Map<string, number>): number {
  return [...map.values()].reduce((total, n) => total + n, 0);
}

/**
 * lezer (what the engine verifies Python with) recovers from errors silently; CPython's own parser is the
 * judge that matters, so every changed Python text goes through `ast.parse` as well, in one process.
 */
function cpythonRegressions(changes: ReadonlyArray<PythonChange & { file: string }>): string[] {
  if (changes.length === 0) return [];
  const input = join(mkdtempSync(join(tmpdir(), 'cookie-hardener-corpus-')), 'changes.json');
  writeFileSync(input, JSON.stringify(changes));
  const script = [
    'import ast, json, sys, warnings',
    'warnings.simplefilter("ignore")',
    'def ok(text):',
    '    try:',
    '        ast.parse(text)',
    '        return None',
    '    except (SyntaxError, ValueError) as error:',
    '        return f"{type(error).__name__}: {error}"',
    'for change in json.load(open(sys.argv[1], encoding="utf-8")):',
    '    after = ok(change["after"])',
    '    if ok(change["before"]) is None and after is not None:',
    "        print(f\"{change['file']} [{change['subject']}] CPython rejects the fixed file: {after}\")",
  ].join('\n');
  const output = execFileSync('python3', ['-c', script, input], { encoding: 'utf8' });
  return output.split('\n').filter(Boolean);
}

describe('corpus safety: scan + fix never break real files', () => {
  let script: string;
  beforeAll(async () => {
    script = await bundleWorker();
  });

  it(
    'JS/TS files of node_modules, and copies with an injected res.cookie()',
    async () => {
      const tally = await runCorpus(javascriptCorpus(), SAMPLE_SIZE.javascript, script);
      print(tally);
      expect(tally.failures).toEqual([]);
      // Guards against a vacuous pass: the sample must really exercise the fixer.
      expect(tally.injectedFixed).toBeGreaterThan(FULL ? 500 : 50);
    },
    FULL ? 3_600_000 : 120_000,
  );

  const python = pythonCorpus();
  it.skipIf(python === null)(
    'Python standard library, and copies with an injected self.set_cookie()',
    async () => {
      const tally = await runCorpus(python!, SAMPLE_SIZE.python, script);
      tally.failures.push(...cpythonRegressions(tally.pythonChanges));
      print(tally);
      expect(tally.failures).toEqual([]);
      expect(tally.injectedFixed).toBeGreaterThan(FULL ? 300 : 20);
    },
    FULL ? 3_600_000 : 120_000,
  );

  const go = goCorpus();
  it.skipIf(go === null)(
    `Go standard library, and copies with an injected nethttp.SetCookie(w, &nethttp.Cookie{…})${
      hasGofmt() ? ', gofmt-clean before and after' : ''
    }`,
    async () => {
      const tally = await runCorpus(go!, SAMPLE_SIZE.go, script);
      print(tally);
      expect(tally.failures).toEqual([]);
      expect(tally.injectedFixed).toBeGreaterThan(FULL ? 1000 : 40);
    },
    FULL ? 3_600_000 : 120_000,
  );

  const php = phpCorpus();
  it.skipIf(php === null)(
    `Debian's PHP libraries, and copies with an injected setcookie('session', $token, […])${
      hasPhp() ? ', php -l clean before and after' : ''
    }`,
    async () => {
      const tally = await runCorpus(php!, SAMPLE_SIZE.php, script);
      print(tally);
      expect(tally.failures).toEqual([]);
      expect(tally.injectedFixed).toBeGreaterThan(FULL ? 1000 : 40);
    },
    FULL ? 3_600_000 : 120_000,
  );

  const csharp = csharpCorpus();
  it.skipIf(csharp === null)(
    'C# sources, and copies with an injected context.Response.Cookies.Append("session", token, new CookieOptions {…})',
    async () => {
      const tally = await runCorpus(csharp!, SAMPLE_SIZE.csharp, script);
      print(tally);
      expect(tally.failures).toEqual([]);
      // edge-js ships 11 files (one the grammar reads with errors): each gives one or two copies.
      expect(tally.injectedFixed).toBeGreaterThan(FULL ? 15 : 5);
    },
    FULL ? 3_600_000 : 120_000,
  );

  const ruby = rubyCorpus();
  it.skipIf(ruby === null)(
    `Debian's Ruby sources (standard library, Rack, Sinatra, Action Pack), and copies with an injected Rails cookies[:session] = {…}${
      hasRuby() ? ', ruby -c clean before and after' : ''
    }`,
    async () => {
      const tally = await runCorpus(ruby!, SAMPLE_SIZE.ruby, script);
      print(tally);
      expect(tally.failures).toEqual([]);
      expect(tally.injectedFixed).toBeGreaterThan(FULL ? 300 : 20);
    },
    FULL ? 3_600_000 : 120_000,
  );

  const java = javaCorpus();
  it.skipIf(java === null)(
    'JDK sources, and copies with an injected servlet Cookie and Spring ResponseCookie',
    async () => {
      const tally = await runCorpus(java!, SAMPLE_SIZE.java, script);
      print(tally);
      expect(tally.failures).toEqual([]);
      expect(tally.injectedFixed).toBeGreaterThan(FULL ? 1000 : 40);
    },
    FULL ? 3_600_000 : 120_000,
  );
});
