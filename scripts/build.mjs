// Bundles the CLI and the action into self-contained ESM files under dist/ (or the folder given as the first
// argument, which the packaging test uses so that it never rewrites the checkout's dist/).
// esbuild's ESM output needs a real `require` for CommonJS dependencies that load Node built-ins lazily.
import { build } from 'esbuild';
import { chmodSync, copyFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const outdir = process.argv[2] ?? 'dist';

const banner =
  "import { createRequire as __chCreateRequire } from 'node:module'; const require = __chCreateRequire(import.meta.url);";
const entries = [
  { in: 'src/cli.ts', out: join(outdir, 'cli.js'), shebang: true },
  { in: 'src/main.ts', out: join(outdir, 'index.js'), shebang: false },
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
    // `verify --browser` loads puppeteer-core with a dynamic import, and only then: it is large, and the
    // installed CLI runs without it (the check says to install it).
    external: ['puppeteer-core'],
    logLevel: 'warning',
    banner: { js: (entry.shebang ? '#!/usr/bin/env node\n' : '') + banner },
  });
  // The CLI is committed with mode 755, which is also what npm sets when it links a package's bin (npx in a
  // clone does that to dist/cli.js): building the same mode keeps the dist check clean either way.
  chmodSync(entry.out, entry.shebang ? 0o755 : 0o644);
}

// The WebAssembly parsers (src/languages/tree-sitter/runtime.ts) are read from beside the bundles, so that the
// committed dist/ runs without an install. Copied rather than embedded: a grammar is read only by a scan that
// has files in its language, and the bundles stay small to load.
const require = createRequire(import.meta.url);
for (const wasm of [
  'web-tree-sitter/web-tree-sitter.wasm',
  'tree-sitter-ruby/tree-sitter-ruby.wasm',
  'tree-sitter-c-sharp/tree-sitter-c_sharp.wasm',
]) {
  const target = join(outdir, wasm.slice(wasm.indexOf('/') + 1));
  copyFileSync(require.resolve(wasm), target);
  chmodSync(target, 0o644);
}
