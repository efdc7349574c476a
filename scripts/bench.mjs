#!/usr/bin/env node
// `npm run bench`: times a repo-wide sweep of the bundled CLI against ripgrep (`rg -il cookie`: the floor of
// reading the bytes) and ast-grep (five structural rules, the nearest peer that parses), and writes the table
// into docs/performance.md with the date, the machine and the medians.
//
// Every tool searches exactly the same files: each tree is copied into the bench folder with only the files
// the scan lists (JS/TS and Python sources, outside the folders it never scans), and the bench checks that
// the scan's `filesListed` equals the number of files in the copy. The trees:
//   - the Python standard library proper (no site-packages);
//   - Django, from Debian's python3-django, its package folder renamed (the scan skips a framework's own
//     source), a large real Python code base;
//   - the JS/TS sources of the npm packages this project installs (pinned by package-lock.json), laid out as
//     the packages/ folder of a monorepo: a large real JavaScript tree, the same on every machine;
//   - a generated 50,000-file monorepo (about one file in 2,500 sets a cookie), for peak memory;
//   - any folders named in BENCH_TREES (colon-separated), copied the same way.
// The review-sized run scans 20 files that really set cookies (the rule fixtures' inputs), process start
// included. Whole-process wall time, CPU time and peak memory come from GNU time; each figure is the median of
// RUNS runs (default 5, at least 3) after one warm-up run, and the tools of a tree run in alternation so that
// a slow stretch of the machine falls on all of them.
//
// With BENCH_BASELINE=<path to a cli.js> or BENCH_BASELINE_REF=<git ref> (whose dist/cli.js is extracted into
// the bench folder), the same inputs also run through that older bundle, and a second table gives
// current/baseline ratios; ratios above BENCH_MAX_RATIO (default 1.10) are flagged. BENCH_NO_WRITE=1 prints
// the report without writing docs/performance.md.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const RUNS = Math.max(3, Number(process.env.BENCH_RUNS ?? 5));
const SYNTHETIC_FILES = Number(process.env.BENCH_FILES ?? 50_000);
const WORK = join(tmpdir(), 'cookie-hardener-bench');
const MAX_RATIO = Number(process.env.BENCH_MAX_RATIO ?? 1.1);
const DOC = join(ROOT, 'docs', 'performance.md');

// What the scan lists as source (src/languages/index.ts) and the folders it never enters
// (src/discover/exclusions.ts, the ones a source tree may hold). The copy keeps exactly these files.
const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx|py|go|rb|ru|cs|php|java)$/;
const NEVER_ENTERED = new Set([
  '.git',
  'node_modules',
  'bower_components',
  'vendor',
  'vendors',
  'vendored',
  'third_party',
  'thirdparty',
  'third-party',
  'external',
  'externals',
  'site-packages',
  'dist-packages',
  '.venv',
  'venv',
  '.tox',
  '.nox',
  '__pypackages__',
  '.yarn',
  'dist',
  'build',
  'out',
  '.next',
  '.nuxt',
  '.output',
  '.svelte-kit',
  'coverage',
  '.cache',
  '__pycache__',
  '.mypy_cache',
  '.pytest_cache',
]);

function have(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

function aptInstall(packages, why) {
  console.error(`${why}: installing Debian's ${packages.join(', ')}…`);
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  return spawnSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit' }).status === 0;
}

function ensureRipgrep() {
  return have('rg') || (aptInstall(['ripgrep'], 'ripgrep is missing') && have('rg'));
}

function ensureGnuTime() {
  return (
    existsSync('/usr/bin/time') ||
    (aptInstall(['time'], 'GNU time is missing') && existsSync('/usr/bin/time'))
  );
}

/** ast-grep from the npm registry (its package ships the binary), into the bench's own folder. */
function astGrepCommand() {
  if (have('ast-grep')) return 'ast-grep';
  const prefix = join(WORK, 'tools');
  const binary = join(prefix, 'node_modules', '.bin', 'ast-grep');
  if (!existsSync(binary)) {
    console.error('ast-grep is missing: installing @ast-grep/cli into the bench folder…');
    spawnSync(
      'npm',
      ['install', '--silent', '--no-audit', '--no-fund', '--prefix', prefix, '@ast-grep/cli'],
      {
        stdio: 'inherit',
      },
    );
  }
  return existsSync(binary) ? binary : null;
}

/**
 * Nine rules, the cookie calls that the scan's most common rules start from: Express-style `x.cookie(…)` in
 * JavaScript, TypeScript and TSX, `x.set_cookie(…)` in Python, `x.SetCookie(…)` in Go, `cookies[…] = …` in
 * Ruby, `setcookie(…)` in PHP, `x.addCookie(…)` in Java and `x.Cookies.Append(…)` in C#. ast-grep parses every file of those languages, as
 * the scan parses every file that mentions a cookie API.
 */
const AST_GREP_RULES = [
  ['javascript', '$R.cookie($$$)'],
  ['typescript', '$R.cookie($$$)'],
  ['tsx', '$R.cookie($$$)'],
  ['python', '$R.set_cookie($$$)'],
  ['go', '$R.SetCookie($$$)'],
  ['ruby', 'cookies[$K] = $V'],
  ['php', 'setcookie($$$)'],
  ['java', '$R.addCookie($$$)'],
  ['csharp', '$R.Cookies.Append($$$)'],
]
  .map(
    ([language, pattern], index) =>
      `id: cookie-${index}\nlanguage: ${language}\nseverity: info\nrule:\n  pattern: ${pattern}`,
  )
  .join('\n---\n');

/** Runs a command under GNU time; returns wall and CPU (user + system) seconds, peak resident KB and stdout. */
function timed(command, args) {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', command, ...args], {
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
  });
  const lastLine = result.stderr.trim().split('\n').at(-1) ?? '';
  const [wall, user, system, peak] = lastLine.split(' ').map(Number);
  return { wall, cpu: user + system, peakKb: peak, stdout: result.stdout, status: result.status };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function summarize(runs) {
  return {
    wall: median(runs.map((r) => r.wall)),
    cpu: median(runs.map((r) => r.cpu)),
    peakKb: median(runs.map((r) => r.peakKb)),
    last: runs.at(-1),
  };
}

/**
 * Runs several commands on the same input in alternation (A B C A B C …, after one warm-up of each), so a
 * slow stretch of the machine lands on all of them instead of on whichever happened to run during it.
 */
function measureTogether(commands) {
  for (const [command, args] of commands) timed(command, args);
  const runs = commands.map(() => []);
  for (let run = 0; run < RUNS; run++)
    commands.forEach(([command, args], index) => runs[index].push(timed(command, args)));
  return runs.map(summarize);
}

/** The baseline bundle to compare against, if one was asked for: a path as given, or a ref's dist/cli.js. */
function baselineCli() {
  if (process.env.BENCH_BASELINE)
    return { cli: process.env.BENCH_BASELINE, label: process.env.BENCH_BASELINE };
  const ref = process.env.BENCH_BASELINE_REF;
  if (!ref) return null;
  const commit = execFileSync('git', ['rev-parse', '--verify', `${ref}^{commit}`], {
    cwd: ROOT,
    encoding: 'utf8',
  }).trim();
  const folder = join(WORK, `baseline-${commit.slice(0, 12)}`);
  mkdirSync(folder, { recursive: true });
  const bundle = execFileSync('git', ['show', `${commit}:dist/cli.js`], {
    cwd: ROOT,
    maxBuffer: 256 * 1024 * 1024,
  });
  writeFileSync(join(folder, 'cli.js'), bundle);
  // The bundle is ES module syntax in a .js file, as dist/ is run under this project's "type": "module".
  writeFileSync(join(folder, 'package.json'), '{ "type": "module" }\n');
  return { cli: join(folder, 'cli.js'), label: `${ref} (${commit.slice(0, 12)})` };
}

/**
 * Copies the source files the scan lists from `from` into `to`, renaming the folders in `rename` (a package's
 * `dist/` or `lib/` holds its real code in an npm package). Returns how many files were copied.
 */
function copySources(from, to, rename = new Map()) {
  let count = 0;
  const visit = (folder, target) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const source = join(folder, entry.name);
      if (entry.isDirectory()) {
        const name = rename.get(entry.name) ?? entry.name;
        if (NEVER_ENTERED.has(name) || name.startsWith('.')) continue;
        visit(source, join(target, name));
      } else if (entry.isFile() && SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        mkdirSync(target, { recursive: true });
        copyFileSync(source, join(target, entry.name));
        count++;
      }
    }
  };
  visit(from, to);
  return count;
}

/** A tree prepared once per bench folder (a marker file records that the copy finished). */
function prepared(name, build) {
  const folder = join(WORK, 'trees', name);
  const marker = join(WORK, 'trees', `${name}.complete-v4`);
  if (!existsSync(marker)) {
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    if (build(folder) === false) return null;
    writeFileSync(marker, '');
  }
  return folder;
}

function pythonStdlibTree() {
  const result = spawnSync('python3', ['-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'], {
    encoding: 'utf8',
  });
  if (result.status !== 0) return null;
  const stdlib = result.stdout.trim();
  return prepared('python-stdlib', (folder) => copySources(stdlib, join(folder, 'Lib')) > 0);
}

/** Debian's Go sources (golang-go), when installed: the Go standard library and its tools. */
function goStdlibTree() {
  const source = '/usr/lib/go/src';
  if (!existsSync(source)) return null;
  return prepared('go-stdlib', (folder) => copySources(realpathSync(source), join(folder, 'src')) > 0);
}

/**
 * Debian's Ruby sources (ruby, ruby-rack, ruby-sinatra, ruby-actionpack), when installed: the standard library,
 * Rack, Sinatra and Rails' Action Pack, parsed through the WebAssembly grammar.
 */
function rubyTree() {
  const folders = [
    '/usr/lib/ruby/3.1.0',
    '/usr/lib/ruby/vendor_ruby',
    '/usr/share/rubygems-integration/all/gems',
  ];
  if (!existsSync(folders[0])) return null;
  return prepared('ruby', (folder) => {
    let copied = 0;
    for (const [index, source] of folders.entries())
      if (existsSync(source)) copied += copySources(realpathSync(source), join(folder, `part${index}`));
    return copied > 0;
  });
}

/** Debian's PHP libraries (php-laravel-framework and the Symfony components it pulls in), when installed. */
function phpTree() {
  const source = '/usr/share/php';
  if (!existsSync(join(source, 'Illuminate'))) return null;
  return prepared('php', (folder) => copySources(source, join(folder, 'php')) > 0);
}

/** A JDK's own sources (the java.base module of its lib/src.zip), when a JDK ships them and unzip is there. */
function jdkTree() {
  if (!existsSync('/usr/lib/jvm')) return null;
  const zip = readdirSync('/usr/lib/jvm', { withFileTypes: true })
    .map((entry) => join('/usr/lib/jvm', entry.name, 'lib', 'src.zip'))
    .find((path) => existsSync(path));
  if (!zip || !have('unzip')) return null;
  return prepared('jdk', (folder) => {
    const unpacked = join(folder, 'unpacked');
    const run = spawnSync('unzip', ['-q', '-o', zip, 'java.base/*', '-d', unpacked], { stdio: 'ignore' });
    if (run.status !== 0) return false;
    const copied = copySources(unpacked, join(folder, 'src'));
    rmSync(unpacked, { recursive: true, force: true });
    return copied > 0;
  });
}

function djangoTree() {
  const source = '/usr/lib/python3/dist-packages/django';
  if (!existsSync(source) && !aptInstall(['python3-django'], 'Django is missing')) return null;
  // Renamed: the scan leaves a framework's own package out, and here its sources are the application.
  return prepared('django', (folder) => copySources(source, join(folder, 'djangoproject')) > 0);
}

function npmPackagesTree() {
  const modules = join(ROOT, 'node_modules');
  if (!existsSync(modules)) return null;
  const rename = new Map(
    [...NEVER_ENTERED].filter((name) => !name.startsWith('.')).map((name) => [name, `${name}_`]),
  );
  rename.delete('node_modules');
  return prepared('npm-packages', (folder) => {
    for (const entry of readdirSync(modules)) {
      if (entry.startsWith('.')) continue;
      const scoped = entry.startsWith('@')
        ? readdirSync(join(modules, entry)).map((name) => `${entry}/${name}`)
        : [entry];
      for (const name of scoped)
        copySources(join(modules, name), join(folder, 'packages', name.replace('/', '__')), rename);
    }
    return true;
  });
}

// A small deterministic generator, so every run of the bench sees the same tree.
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function jsModule(next, index, withCookie) {
  const lines = [`import { helper${index % 97} } from '../shared/helper-${index % 97}.js';`, ''];
  const functions = 4 + Math.floor(next() * 8);
  for (let f = 0; f < functions; f++) {
    lines.push(`export function handler${index}_${f}(request, response) {`);
    lines.push(`  const options = { retries: ${f}, timeout: ${1000 + f * 250}, label: 'h${f}' };`);
    lines.push(`  const result = helper${index % 97}(request.body, options);`);
    if (withCookie && f === 0) lines.push(`  response.cookie('sid', result.id, { maxAge: 3600000 });`);
    lines.push('  if (!result.ok) {', "    throw new Error('request failed: ' + result.status);", '  }');
    lines.push('  return response.json({ data: result.data, count: result.data.length });', '}', '');
  }
  return lines.join('\n');
}

function pyModule(next, index, withCookie) {
  const lines = ['import json', 'import logging', '', 'log = logging.getLogger(__name__)', ''];
  const functions = 4 + Math.floor(next() * 8);
  for (let f = 0; f < functions; f++) {
    lines.push(`def handler_${index}_${f}(self, payload):`);
    lines.push(`    options = {"retries": ${f}, "timeout": ${1 + f}, "label": "h${f}"}`);
    lines.push('    result = self.service.call(payload, **options)');
    if (withCookie && f === 0) lines.push('    self.set_cookie("session", result["id"])');
    lines.push('    if not result["ok"]:', '        log.warning("call failed: %s", result["status"])');
    lines.push('    return json.dumps(result["data"])', '');
  }
  return lines.join('\n');
}

function syntheticTree(count) {
  return prepared(`synthetic-${count}`, (folder) => {
    const next = random(20261126);
    for (let index = 0; index < count; index++) {
      const pkg = `packages/pkg-${String(index % 500).padStart(3, '0')}`;
      const roll = next();
      // Real monorepos set cookies in a handful of places (babel and webpack in none at all): about one
      // file in 2,500 here, so the tree has a few dozen cookie sites for the sweep to parse, fix and verify.
      const withCookie = next() < 0.0004;
      const python = roll >= 0.66;
      const path = python
        ? join(folder, pkg, 'service', `module_${index}.py`)
        : join(folder, pkg, 'src', `module-${index}.${roll < 0.33 ? 'ts' : 'js'}`);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, python ? pyModule(next, index, withCookie) : jsModule(next, index, withCookie));
    }
    return true;
  });
}

/** 20 files that set cookies: the first input of ten JavaScript and ten Python rules' fixtures. */
function reviewTree() {
  return prepared('review-20', (folder) => {
    const fixtures = join(ROOT, 'test', 'rules');
    const picked = { js: [], py: [] };
    for (const rule of readdirSync(fixtures).sort()) {
      const folderPath = join(fixtures, rule);
      if (!statSync(folderPath).isDirectory()) continue;
      const input = readdirSync(folderPath)
        .sort()
        .find(
          (file) =>
            /\.input\.(?:[jt]sx?|py)$/.test(file) &&
            readFileSync(join(folderPath, file), 'utf8').includes('ruleid:'),
        );
      if (!input) continue;
      const list = input.endsWith('.py') ? picked.py : picked.js;
      if (list.length < 10) list.push({ rule, input });
    }
    for (const { rule, input } of [...picked.js, ...picked.py]) {
      mkdirSync(join(folder, rule), { recursive: true });
      copyFileSync(join(fixtures, rule, input), join(folder, rule, input.replace('.input.', '.')));
    }
    return picked.js.length + picked.py.length === 20;
  });
}

function countFiles(folder) {
  let count = 0;
  const visit = (path) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      if (entry.isDirectory()) visit(join(path, entry.name));
      else count++;
    }
  };
  visit(folder);
  return count;
}

function benchTree(name, folder, tools, baseline) {
  console.error(`Measuring ${name}…`);
  const scan = (cli) => [process.execPath, [cli, 'scan', folder, '--format', 'json', '--fail-on', 'none']];
  const commands = [scan(CLI)];
  if (tools.rg) commands.push(['rg', ['-il', 'cookie', folder]]);
  if (tools.astGrep) commands.push([tools.astGrep, ['scan', '--inline-rules', AST_GREP_RULES, folder]]);
  if (baseline) commands.push(scan(baseline.cli));
  const results = measureTogether(commands);
  const ours = results[0];
  const rg = tools.rg ? results[1] : null;
  const astGrep = tools.astGrep ? results[tools.rg ? 2 : 1] : null;
  const base = baseline ? results.at(-1) : null;
  let stats = { filesListed: '?', filesParsed: '?' };
  let findings = '?';
  try {
    const report = JSON.parse(ours.last.stdout);
    stats = report.stats;
    findings = report.findings.length;
  } catch {
    /* the table shows "?" */
  }
  const files = countFiles(folder);
  if (stats.filesListed !== files)
    console.error(`  note: the scan listed ${stats.filesListed} of the ${files} files every tool searched`);
  return { name, files, stats, findings, ours, rg, astGrep, base };
}

const seconds = (value) => `${value.toFixed(2)} s`;
const ratio = (a, b) => `${(a / Math.max(b, 0.005)).toFixed(1)}×`;

function resultsTable(rows) {
  const lines = [
    '| tree | files (every tool) | files parsed | findings | cookie-hardener | CPU | peak memory | `rg -il cookie` | ours / rg | ast-grep, 9 rules | ours / ast-grep |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of rows) {
    lines.push(
      `| ${row.name} | ${row.files.toLocaleString('en-US')} | ${row.stats.filesParsed} | ${row.findings} | ${seconds(row.ours.wall)} | ${seconds(row.ours.cpu)} | ${Math.round(row.ours.peakKb / 1024)} MB | ${row.rg ? seconds(row.rg.wall) : 'n/a'} | ${row.rg ? ratio(row.ours.wall, row.rg.wall) : 'n/a'} | ${row.astGrep ? seconds(row.astGrep.wall) : 'n/a'} | ${row.astGrep ? (row.ours.wall / row.astGrep.wall).toFixed(2) : 'n/a'} |`,
    );
  }
  return lines.join('\n');
}

function targetsTable(rows, review, synthetic) {
  const real = rows.filter((row) => row !== synthetic && row.rg);
  const worstRg = real.reduce(
    (worst, row) => Math.max(worst, row.ours.wall / Math.max(row.rg.wall, 0.005)),
    0,
  );
  const withAstGrep = rows.filter((row) => row.astGrep);
  const worstAstGrep = withAstGrep.reduce(
    (worst, row) => Math.max(worst, row.ours.wall / row.astGrep.wall),
    0,
  );
  const met = (ok) => (ok ? 'met' : '**not met**');
  const lines = [
    '| target | measured | |',
    '| --- | --- | --- |',
    `| scan within 3× of \`rg -il cookie\` on every real tree | worst ${worstRg.toFixed(1)}× | ${met(worstRg <= 3)} |`,
    `| faster than ast-grep on every tree | worst ${worstAstGrep.toFixed(2)} of its time | ${met(worstAstGrep < 1)} |`,
    `| review of 20 cookie-setting files under 0.5 s, process start included | ${seconds(review.ours.wall)} | ${met(review.ours.wall < 0.5)} |`,
  ];
  if (synthetic)
    lines.push(
      `| peak memory under 200 MB on ${synthetic.files.toLocaleString('en-US')} files | ${Math.round(synthetic.ours.peakKb / 1024)} MB | ${met(synthetic.ours.peakKb / 1024 < 200)} |`,
    );
  return lines.join('\n');
}

function comparisonTable(rows, baseline) {
  const lines = [
    `Against the baseline ${baseline.label} (ratio = current / baseline, flagged above ${MAX_RATIO.toFixed(2)}):`,
    '',
    '| tree | current wall | baseline wall | wall ratio | current CPU | baseline CPU | CPU ratio | current peak | baseline peak | memory ratio |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  let over = false;
  const cell = (a, b) => {
    const value = a / Math.max(b, 1e-9);
    if (value > MAX_RATIO) over = true;
    return `${value.toFixed(2)}${value > MAX_RATIO ? ' **SLOWER**' : ''}`;
  };
  for (const { name, ours, base } of rows)
    lines.push(
      `| ${name} | ${seconds(ours.wall)} | ${seconds(base.wall)} | ${cell(ours.wall, base.wall)} | ${seconds(ours.cpu)} | ${seconds(base.cpu)} | ${cell(ours.cpu, base.cpu)} | ${Math.round(ours.peakKb / 1024)} MB | ${Math.round(base.peakKb / 1024)} MB | ${cell(ours.peakKb, base.peakKb)} |`,
    );
  return { text: lines.join('\n'), over };
}

function version(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim().split('\n')[0] : 'unknown';
}

/** The generated part of docs/performance.md, between its markers; the prose around it is kept. */
function writeDoc(report) {
  const begin = '<!-- bench:begin -->';
  const end = '<!-- bench:end -->';
  const current = existsSync(DOC) ? readFileSync(DOC, 'utf8') : `# Performance\n\n${begin}\n${end}\n`;
  const from = current.indexOf(begin);
  const to = current.indexOf(end);
  if (from === -1 || to === -1) throw new Error(`${relative(ROOT, DOC)} lacks the ${begin} / ${end} markers`);
  writeFileSync(DOC, `${current.slice(0, from + begin.length)}\n${report}\n${current.slice(to)}`);
}

function main() {
  if (!existsSync(CLI)) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (!ensureGnuTime()) {
    console.error('GNU time (/usr/bin/time) is needed to measure peak memory: apt-get install time');
    process.exit(2);
  }
  if (!ensureRipgrep()) console.error('ripgrep could not be installed; the rg column stays empty.');
  mkdirSync(WORK, { recursive: true });
  const tools = { rg: have('rg'), astGrep: astGrepCommand() };
  const baseline = baselineCli();
  if (baseline) console.error(`Comparing with the baseline ${baseline.label}…`);

  console.error(`Preparing the trees under ${join(WORK, 'trees')}…`);
  const trees = [
    ['Python standard library (no site-packages)', pythonStdlibTree()],
    ['Django (python3-django, renamed)', djangoTree()],
    ['npm packages of this project', npmPackagesTree()],
    ['Go standard library (golang-go)', goStdlibTree()],
    ['Ruby sources (ruby, Rack, Sinatra, Action Pack)', rubyTree()],
    ['PHP libraries (php-laravel-framework)', phpTree()],
    ['JDK java.base sources (lib/src.zip)', jdkTree()],
    ...(process.env.BENCH_TREES ?? '')
      .split(':')
      .filter(Boolean)
      .map((path) => [
        path.split('/').filter(Boolean).at(-1),
        prepared(`extra-${path.replace(/\W+/g, '_')}`, (folder) => copySources(path, folder) > 0),
      ]),
  ].filter(([, folder]) => folder !== null);
  const synthetic = syntheticTree(SYNTHETIC_FILES);
  const review = reviewTree();

  const rows = trees.map(([name, folder]) => benchTree(name, folder, tools, baseline));
  const syntheticRow = benchTree(
    `generated monorepo (${SYNTHETIC_FILES.toLocaleString('en-US')} files)`,
    synthetic,
    tools,
    baseline,
  );
  const reviewRow = benchTree(
    'review: 20 files that set cookies',
    review,
    { rg: false, astGrep: null },
    baseline,
  );

  const machine = `${cpus().length} × ${cpus()[0]?.model?.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const report = [
    `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${machine}; ripgrep ${version('rg', ['--version']).replace(/^ripgrep /, '')}, ast-grep ${tools.astGrep ? version(tools.astGrep, ['--version']).replace(/^ast-grep /, '') : 'not installed'}. Wall and CPU time (user + system) of the whole process, medians of ${RUNS} runs after a warm-up, the tools of each tree in alternation.`,
    '',
    resultsTable([...rows, syntheticRow]),
    '',
    `Review-sized run (${reviewRow.files} files that set cookies, whole process): ${seconds(reviewRow.ours.wall)} wall, ${seconds(reviewRow.ours.cpu)} CPU, ${Math.round(reviewRow.ours.peakKb / 1024)} MB peak, ${reviewRow.findings} findings.`,
    '',
    targetsTable(rows, reviewRow, syntheticRow),
  ].join('\n');
  console.log(report);
  if (process.env.BENCH_NO_WRITE !== '1' && !baseline) {
    writeDoc(report);
    console.error(`Wrote ${relative(ROOT, DOC)}.`);
  }
  if (baseline) {
    const comparison = comparisonTable([...rows, syntheticRow, reviewRow], baseline);
    console.log(`\n${comparison.text}`);
    if (comparison.over) {
      console.log(`\nAt least one ratio is above ${MAX_RATIO.toFixed(2)}.`);
      process.exitCode = 1;
    }
  }
}

main();
