// docs/rules.md must be what the rules and fixtures generate. `npm run docs` rewrites it.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { structuredPatch } from 'diff';
import { expect, it } from 'vitest';
import { renderRulesDoc, type RuleExample } from '../../src/report/rules-doc.js';
import { RULES } from '../../src/rules/index.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const DOC = join(ROOT, 'docs/rules.md');

/** The first fixture pair of a rule (sorted by path), as one diff hunk without the test annotations. */
function exampleOf(ruleId: string): RuleExample {
  const folder = join(ROOT, 'test/rules', ruleId);
  const inputs: string[] = [];
  const visit = (path: string) => {
    for (const entry of readdirSync(path).sort()) {
      const full = join(path, entry);
      if (statSync(full).isDirectory()) visit(full);
      else if (/\.input\.[a-z]+$/.test(entry)) inputs.push(full);
    }
  };
  visit(folder);
  for (const input of inputs) {
    const output = input.replace('.input.', '.output.');
    let after: string;
    try {
      after = readFileSync(output, 'utf8');
    } catch {
      continue;
    }
    const strip = (text: string) =>
      text
        .replace(/\r\n/g, '\n')
        .split('\n')
        .filter((line) => !/(\/\/|#|\{\/\*)\s*(ruleid|ok):/.test(line))
        .join('\n');
    const patch = structuredPatch('a', 'b', strip(readFileSync(input, 'utf8')), strip(after), '', '', {
      context: 2,
    });
    const hunk = patch.hunks[0];
    if (!hunk) continue;
    return { diff: hunk.lines.join('\n'), language: input.slice(input.lastIndexOf('.') + 1) };
  }
  return { diff: null, language: '' };
}

it('docs/rules.md is up to date with the rules and their fixtures', () => {
  const expected = renderRulesDoc(
    RULES.map((rule) => ({ meta: rule.meta, example: exampleOf(rule.meta.id) })),
  );
  if (process.env.UPDATE_DOCS === '1') writeFileSync(DOC, expected);
  let actual: string;
  try {
    actual = readFileSync(DOC, 'utf8');
  } catch {
    actual = '';
  }
  expect(actual, 'docs/rules.md is stale: run `npm run docs` and commit it').toBe(expected);
});
