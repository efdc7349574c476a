#!/usr/bin/env node
// `npm run bench`: times a repo-wide sweep of the bundled CLI against the physical floor of reading the
// bytes (`rg -il cookie`, ripgrep) and, where installed, ast-grep with one equivalent pattern, on
//   (a) a generated synthetic monorepo of 50,000 files, (b) this project's node_modules, (c) the Python
//   standard library; plus a review-sized run (20 files) including process start.
// Whole-process wall time, CPU time and peak memory come from GNU time (`/usr/bin/time -f '%e %U %S %M'`). Each
// figure is the median of RUNS runs after one warm-up run.
//
// With BENCH_BASELINE=<path to a cli.js> or BENCH_BASELINE_REF=<git ref> (whose dist/cli.js is extracted into
// the bench folder), the same inputs are also run through that older bundle, alternating current and baseline
// run by run so that drift in the machine (caches, frequency, neighbours) falls on both alike, and a second
// table gives current/baseline ratios of the medians; ratios above BENCH_MAX_RATIO (default 1.10) are flagged.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SYNTHETIC_FILES = Number(process.env.BENCH_FILES ?? 50_000);
const WORK = join(tmpdir(), 'cookie-hardener-bench');
const MAX_RATIO = Number(process.env.BENCH_MAX_RATIO ?? 1.1);

function have(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

function ensureRipgrep() {
  if (have('rg')) return true;
  console.error("ripgrep is missing: installing Debian's ripgrep package…");
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  const install = spawnSync('apt-get', ['install', '-y', '-qq', 'ripgrep'], { stdio: 'inherit' });
  return update.status === 0 && install.status === 0 && have('rg');
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

function ensureGnuTime() {
  if (existsSync('/usr/bin/time')) return true;
  spawnSync('apt-get', ['install', '-y', '-qq', 'time'], { stdio: 'inherit' });
  return existsSync('/usr/bin/time');
}

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

function measure(command, args) {
  timed(command, args); // warm-up: file cache and JIT
  return summarize(Array.from({ length: RUNS }, () => timed(command, args)));
}

/**
 * Measures two commands on the same input in alternation (A B A B …, after one warm-up of each), so a slow
 * stretch of the machine lands on both instead of on whichever happened to run during it.
 */
function measurePair(commandA, argsA, commandB, argsB) {
  timed(commandA, argsA);
  timed(commandB, argsB);
  const a = [];
  const b = [];
  for (let run = 0; run < RUNS; run++) {
    a.push(timed(commandA, argsA));
    b.push(timed(commandB, argsB));
  }
  return [summarize(a), summarize(b)];
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

/** Scans a tree with the current CLI, and with the baseline in alternation when there is one. */
function measureScan(folder, baseline) {
  const argsFor = (cli) => [cli, 'scan', folder, '--format', 'json'];
  if (!baseline) return { ours: measure(process.execPath, argsFor(CLI)), base: null };
  const [ours, base] = measurePair(process.execPath, argsFor(CLI), process.execPath, argsFor(baseline.cli));
  return { ours, base };
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

function generateMonorepo(folder, count) {
  const marker = join(folder, '.complete-v3');
  if (existsSync(marker)) return;
  rmSync(folder, { recursive: true, force: true });
  const next = random(20261126);
  for (let index = 0; index < count; index++) {
    const pkg = `packages/pkg-${String(index % 500).padStart(3, '0')}`;
    const roll = next();
    // Real monorepos set cookies in a handful of places (babel and webpack in none at all): about one
    // file in 2,500 here, so the tree has a few dozen cookie sites for the sweep to parse, fix and verify.
    const withCookie = next() < 0.0004;
    let path;
    let text;
    if (roll < 0.6) {
      path = join(folder, pkg, 'src', `module-${index}.${roll < 0.3 ? 'ts' : 'js'}`);
      text = jsModule(next, index, withCookie);
    } else if (roll < 0.9) {
      path = join(folder, pkg, 'service', `module_${index}.py`);
      text = pyModule(next, index, withCookie);
    } else {
      path = join(folder, pkg, 'docs', `note-${index}.md`);
      text = `# Note ${index}\n\nNothing about cookies here except this word.\n`.repeat(1 + (index % 5));
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  writeFileSync(marker, '');
}

function pythonStdlib() {
  const result = spawnSync('python3', ['-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'], {
    encoding: 'utf8',
  });
  return result.status === 0 ? result.stdout.trim() : null;
}

function benchTree(name, folder, rows, baseline) {
  const { ours, base } = measureScan(folder, baseline);
  let stats = { filesListed: '?', filesParsed: '?' };
  try {
    stats = JSON.parse(ours.last.stdout).stats;
  } catch {
    /* the table shows "?" */
  }
  const rg = have('rg') ? measure('rg', ['-il', 'cookie', folder]) : null;
  const astGrepBinary = astGrepCommand();
  const astGrep = astGrepBinary ? measure(astGrepBinary, ['run', '-p', '$R.cookie($$$)', folder]) : null;
  rows.push({ name, stats, ours, base, rg, astGrep });
}

function ratioCell(current, previous) {
  const ratio = current / Math.max(previous, 1e-9);
  return `${ratio.toFixed(2)}${ratio > MAX_RATIO ? ' **SLOWER**' : ''}`;
}

/** current/baseline for each input; returns the table and whether any ratio is over the limit. */
function formatComparison(rows, baseline) {
  const lines = [
    `Against the baseline ${baseline.label} (alternating runs; ratio = current / baseline, flagged above ${MAX_RATIO.toFixed(2)}):`,
    '',
    '| tree | current wall | baseline wall | wall ratio | current CPU | baseline CPU | CPU ratio | current peak | baseline peak | memory ratio |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  let over = false;
  for (const row of rows) {
    const { ours, base } = row;
    if ([ours.wall / base.wall, ours.cpu / base.cpu, ours.peakKb / base.peakKb].some((r) => r > MAX_RATIO))
      over = true;
    lines.push(
      `| ${row.name} | ${ours.wall.toFixed(2)} s | ${base.wall.toFixed(2)} s | ${ratioCell(ours.wall, base.wall)} | ${ours.cpu.toFixed(2)} s | ${base.cpu.toFixed(2)} s | ${ratioCell(ours.cpu, base.cpu)} | ${Math.round(ours.peakKb / 1024)} MB | ${Math.round(base.peakKb / 1024)} MB | ${ratioCell(ours.peakKb, base.peakKb)} |`,
    );
  }
  return { text: lines.join('\n'), over };
}

function formatTable(rows, review) {
  const lines = [
    '| tree | files listed | files parsed | cookie-hardener wall | peak memory | `rg -il cookie` wall | ratio to rg | ast-grep wall | ast-grep / ours |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of rows) {
    const ratio = row.rg ? (row.ours.wall / Math.max(row.rg.wall, 0.01)).toFixed(1) + '×' : 'n/a';
    const astRatio = row.astGrep
      ? (row.astGrep.wall / Math.max(row.ours.wall, 0.01)).toFixed(1) + '×'
      : 'n/a';
    lines.push(
      `| ${row.name} | ${row.stats.filesListed} | ${row.stats.filesParsed} | ${row.ours.wall.toFixed(2)} s | ${Math.round(row.ours.peakKb / 1024)} MB | ${row.rg ? row.rg.wall.toFixed(2) + ' s' : 'n/a'} | ${ratio} | ${row.astGrep ? row.astGrep.wall.toFixed(2) + ' s' : 'not installed'} | ${astRatio} |`,
    );
  }
  lines.push(
    '',
    `Review-sized run (20 changed files, whole process): ${review.wall.toFixed(2)} s wall, ${Math.round(review.peakKb / 1024)} MB peak.`,
  );
  return lines.join('\n');
}

function main() {
  if (!existsSync(CLI)) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (!ensureGnuTime()) {
    console.error('GNU time (/usr/bin/time) is needed to measure peak memory: apt-get install time');
    process.exit(2);
  }
  if (!ensureRipgrep()) console.error('ripgrep could not be installed; the rg column stays empty.');
  mkdirSync(WORK, { recursive: true });
  const monorepo = join(WORK, `monorepo-${SYNTHETIC_FILES}`);
  console.error(`Generating (or reusing) ${SYNTHETIC_FILES} files under ${monorepo}…`);
  generateMonorepo(monorepo, SYNTHETIC_FILES);

  const baseline = baselineCli();
  if (baseline) console.error(`Comparing with the baseline ${baseline.label}…`);

  const rows = [];
  benchTree(
    `synthetic monorepo (${SYNTHETIC_FILES.toLocaleString('en-US')} files)`,
    monorepo,
    rows,
    baseline,
  );
  benchTree('node_modules (this project)', join(ROOT, 'node_modules'), rows, baseline);
  const stdlib = pythonStdlib();
  if (stdlib) benchTree('Python standard library', stdlib, rows, baseline);

  // A pull-request-sized tree: 20 files, some with cookie sites.
  const review = join(WORK, 'review-20');
  rmSync(review, { recursive: true, force: true });
  const sources = readdirSync(join(monorepo, 'packages/pkg-000/src'))
    .slice(0, 12)
    .map((file) => join('packages/pkg-000/src', file));
  const services = readdirSync(join(monorepo, 'packages/pkg-000/service'))
    .slice(0, 8)
    .map((file) => join('packages/pkg-000/service', file));
  for (const file of [...sources, ...services])
    cpSync(join(monorepo, file), join(review, file), { recursive: true });
  const { ours: reviewRun, base: reviewBase } = measureScan(review, baseline);

  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  console.log(`Machine: ${machine}; median of ${RUNS} runs after a warm-up.\n`);
  console.log(formatTable(rows, reviewRun));
  if (baseline) {
    const comparison = formatComparison(
      [...rows, { name: 'review-sized run (20 files)', ours: reviewRun, base: reviewBase }],
      baseline,
    );
    console.log('\n' + comparison.text);
    if (comparison.over) {
      console.log(`\nAt least one ratio is above ${MAX_RATIO.toFixed(2)}.`);
      process.exitCode = 1;
    }
  }
}

main();
