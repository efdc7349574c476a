import { readFileSync, writeFileSync, readdirSync, statSync, existsSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { RULES } from '../../src/rules/index.js';
import { scanFiles } from '../../src/scan.js';

const FIXTURES = new URL('.', import.meta.url).pathname;
const only = process.env.REGEN_RULES?.split(',');

it('regenerates', () => {
  for (const rule of RULES) {
    const ruleId = rule.meta.id;
    if (only && !only.includes(ruleId)) continue;
    const folder = join(FIXTURES, ruleId);
    if (!existsSync(folder)) continue;
    // case -> Map(virtual -> real input path)
    const cases = new Map<string, Map<string, string>>();
    const visit = (path: string, caseName: string | null, base: string) => {
      for (const entry of readdirSync(path)) {
        const full = join(path, entry);
        if (statSync(full).isDirectory()) { visit(full, caseName ?? entry, caseName ? join(base, entry) : ''); continue; }
        const m = /^(.*)\.input(\.[a-z]+)$/.exec(entry);
        if (!m) continue;
        const name = caseName ?? m[1]!;
        const virtual = join(base, `${m[1]}${m[2]}`);
        const c = cases.get(name) ?? new Map();
        c.set(virtual, full);
        cases.set(name, c);
      }
    };
    visit(folder, null, '');
    for (const [name, inputs] of cases) {
      const texts = new Map([...inputs].map(([v, p]) => [v, readFileSync(p, 'utf8')]));
      const result = scanFiles({ files: [...texts.keys()].sort(), read: (f) => { const t = texts.get(f); return t === undefined ? { skip: 'missing' } : { text: t }; }, config: DEFAULT_CONFIG });
      const after = new Map(result.changes.map((c) => [c.file, c.after]));
      for (const [virtual, path] of inputs) {
        let text = texts.get(virtual)!;
        const lines = text.split('\n');
        let changed = false;
        lines.forEach((line, index) => {
          const match = /((?:\/\/|#|\/\*|\{\/\*)\s*ruleid:\s*)([\w-]+)([^*\n]*)/.exec(line);
          if (!match || match[2] !== ruleId) return;
          const details = (match[3] ?? '').trim();
          if (!details) return;
          let target = index + 1;
          while (target < lines.length && /^\s*(\/\/|#|\/\*|\{\/\*)/.test(lines[target] ?? '')) target++;
          const f = result.findings.find((x) => x.ruleId === ruleId && x.file === virtual && x.line === target + 1);
          if (!f) { console.log('NO FINDING', ruleId, name, virtual, target + 1); return; }
          const actual = [...f.problems, f.outcome].join(' ');
          const trailing = /\s*$/.exec(match[3]!)![0];
          if (actual !== details) {
            console.log(`CHANGE ${ruleId}/${name} ${virtual}:${target + 1}: ${details} -> ${actual} :: ${f.message}`);
            lines[index] = line.replace(match[0], `${match[1]}${match[2]} ${actual}${trailing}`);
            changed = true;
          }
        });
        if (changed) { text = lines.join('\n'); writeFileSync(path, text); }
        const outPath = path.replace('.input.', '.output.');
        const out = after.get(virtual);
        // outputs carry the same annotation lines as inputs
        if (out !== undefined) {
          const fixedAnnotations = applyAnnotations(out, texts.get(virtual)!, text);
          const old = existsSync(outPath) ? readFileSync(outPath, 'utf8') : null;
          if (old !== fixedAnnotations) { console.log(`OUTPUT ${ruleId}/${name} ${virtual}`); writeFileSync(outPath, fixedAnnotations); }
        } else if (existsSync(outPath)) {
          console.log(`OUTPUT REMOVED ${ruleId}/${name} ${virtual}`); unlinkSync(outPath);
        }
      }
    }
  }
});

function applyAnnotations(out: string, oldInput: string, newInput: string): string {
  const a = oldInput.split('\n'); const b = newInput.split('\n');
  let r = out;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) r = r.replace(a[i]!, b[i]!);
  return r;
}
