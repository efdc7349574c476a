// The narrow prefilter stages (Python's cookie words, the comment-aware JS/TS stage) may only save parses: over
// every rule fixture and every regression project, the scan reports the same findings and changes as with the broad one.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { loadConfig } from '../../src/discover/load-config.js';
import { discoverFiles } from '../../src/discover/list-files.js';
import { readSourceFile } from '../../src/discover/read-file.js';
import { scanFiles, type ScanInput } from '../../src/scan.js';

const RULE_FIXTURES = new URL('.', import.meta.url).pathname;
const PROJECTS = new URL('../projects/', import.meta.url).pathname;

const folders = (root: string) =>
  readdirSync(root)
    .filter((entry) => statSync(join(root, entry)).isDirectory())
    .sort();

/** A rule's fixture cases: each top-level input alone, each case folder with all its inputs. */
function fixtureCases(ruleId: string): Array<{ name: string; inputs: Map<string, string> }> {
  const folder = join(RULE_FIXTURES, ruleId);
  const cases: Array<{ name: string; inputs: Map<string, string> }> = [];
  for (const entry of readdirSync(folder).sort()) {
    const full = join(folder, entry);
    const single = /^(.*)\.input(\.[a-z]+)$/.exec(entry);
    if (single)
      cases.push({
        name: entry,
        inputs: new Map([[`${single[1]}${single[2]}`, readFileSync(full, 'utf8')]]),
      });
    else if (statSync(full).isDirectory()) {
      const inputs = new Map<string, string>();
      const visit = (path: string) => {
        for (const child of readdirSync(path)) {
          const childPath = join(path, child);
          if (statSync(childPath).isDirectory()) visit(childPath);
          const match = /^(.*)\.input(\.[a-z]+)$/.exec(child);
          if (match)
            inputs.set(relative(full, join(path, `${match[1]}${match[2]}`)), readFileSync(childPath, 'utf8'));
        }
      };
      visit(full);
      cases.push({ name: entry, inputs });
    }
  }
  return cases;
}

/** Findings and changes of one scan, with the stage on and off, and how many files each parsed. */
function bothWays(input: ScanInput) {
  const withStage = scanFiles(input);
  const without = scanFiles({ ...input, broadPrefilter: true });
  return {
    withStage: { findings: withStage.findings, changes: withStage.changes },
    without: { findings: without.findings, changes: without.changes },
    parsed: [withStage.stats.filesParsed, without.stats.filesParsed],
  };
}

describe('narrow prefilter soundness', () => {
  it.each(folders(RULE_FIXTURES))('rule fixtures of %s', (ruleId) => {
    for (const fixture of fixtureCases(ruleId)) {
      const result = bothWays({
        files: [...fixture.inputs.keys()].sort(),
        read: (file, mustMention) => {
          const text = fixture.inputs.get(file);
          if (text === undefined) return { skip: 'missing' };
          return mustMention && !mustMention(text) ? { unrelated: true } : { text };
        },
        config: DEFAULT_CONFIG,
      });
      expect(result.withStage, fixture.name).toEqual(result.without);
    }
  });

  it.each(folders(PROJECTS))('regression project %s', (project) => {
    const root = join(PROJECTS, project);
    const config = loadConfig(root, null, root);
    const discovery = discoverFiles(root, config);
    const result = bothWays({
      files: discovery.files,
      evidenceFiles: discovery.evidenceFiles,
      read: (file, mustMention) => readSourceFile(discovery.root, file, mustMention),
      config,
      skipped: discovery.skipped,
    });
    expect(result.withStage).toEqual(result.without);
  });

  it('parses neither a generated doc comment nor a Python docstring that names a cookie', () => {
    const texts = new Map([
      [
        'api/store.ts',
        '/**\n * @oas [get] /store/carts\n * Sets the session cookie.\n */\nexport const x = 1;\n',
      ],
      ['lib/pickle.py', '"""Pickle a cookie jar."""\n# the cookie of the cache\nx = 1\n'],
      ['app/server.ts', "// cookie\nres.cookie('a', 'b');\n"],
    ]);
    const result = bothWays({
      files: [...texts.keys()],
      read: (file) => ({ text: texts.get(file) as string }),
      config: DEFAULT_CONFIG,
    });
    expect(result.parsed).toEqual([1, 3]);
    expect(result.withStage).toEqual(result.without);
    expect(result.withStage.findings.map((finding) => [finding.file, finding.line, finding.ruleId])).toEqual([
      ['app/server.ts', 2, 'express-res-cookie'],
    ]);
  });
});
