// Bundles the CLI and the action into self-contained ESM files under dist/.
// esbuild's ESM output needs a real `require` for CommonJS dependencies that load Node built-ins lazily.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const banner =
  "import { createRequire as __chCreateRequire } from 'node:module'; const require = __chCreateRequire(import.meta.url);";
const entries = [
  { in: 'src/cli.ts', out: 'dist/cli.js', shebang: true },
  { in: 'src/main.ts', out: 'dist/index.js', shebang: false },
].filter((entry) => existsSync(entry.in));

for (const entry of entries) {
  await build({
    entryPoints: [entry.in],
    outfile: entry.out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    legalComments: 'none',
    logLevel: 'warning',
    banner: { js: (entry.shebang ? '#!/usr/bin/env node\n' : '') + banner },
  });
}
