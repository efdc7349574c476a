import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DEFAULT_CONFIG } from '../src/config.js';
import { scanFiles } from '../src/scan.js';
it('prints', () => {
  const dir = 'test/rules/cherrypy-session-config/';
  const texts = new Map([
    ['site.conf', readFileSync(dir + 'site.input.conf', 'utf8')],
    ['conditional.conf', readFileSync(dir + 'conditional.input.conf', 'utf8')],
    ['server.py', readFileSync(dir + 'loaded/server.input.py', 'utf8')],
    ['conf/app.conf', readFileSync(dir + 'loaded/conf/app.input.conf', 'utf8')],
  ]);
  const r = scanFiles({ files: [...texts.keys()].sort(), read: (f) => ({ text: texts.get(f)! }), config: DEFAULT_CONFIG });
  for (const f of r.findings) console.log(f.file, f.line, f.cookie, f.outcome, f.problems.join(','), '\n  ', f.message);
});
