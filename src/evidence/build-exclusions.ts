// Folders a project's own build script takes out of the tree before it builds: their code is not in what the
// project ships (hedgedoc's frontend/build.sh moves its mock API, src/pages/api, away unless a mock build is
// asked for). Cookies set there are development-only, like test code.
import { posix } from 'node:path';
import type { Source } from './source.js';
import type { DevOnlyFact } from './types.js';

/** `build.sh`, `build-frontend.sh`, `scripts/build_prod.sh`. */
export function isBuildScript(file: string): boolean {
  return /^build(?:[-_.][\w.-]+)?\.sh$/i.test(file.slice(file.lastIndexOf('/') + 1));
}

/** `rm -rf <path>` / `mv <path> <destination>`, the path first among the operands. */
const REMOVAL =
  /^[ \t]*(rm|mv)((?:[ \t]+-[\w-]+)*)[ \t]+(["']?)([\w./@-]+)\3(?:[ \t]+(["']?)([^\s"';|&]+)\5)?/gm;
/** A bundler or framework build run by the script after the removal. */
const BUILD_COMMAND =
  /\b(?:next|nuxt|vite|astro|webpack|ng|remix|react-scripts|svelte-kit|parcel|npm|yarn|pnpm|bun)\b[^\n]*\bbuild\b|\b(?:tsc|rollup|esbuild|tsup)\b/;

export function findBuildExclusions(script: Source): DevOnlyFact[] {
  const folder = posix.dirname(script.file) === '.' ? '' : posix.dirname(script.file);
  const facts: DevOnlyFact[] = [];
  for (const match of script.text.matchAll(REMOVAL)) {
    const [, command, flags = '', , operand = '', , destination] = match;
    if (script.inLineComment(match.index)) continue;
    if (command === 'rm' && !/r/i.test(flags)) continue; // a single file, not a folder
    // Moved somewhere else inside the app, the code may still be built from there.
    if (command === 'mv' && (!destination || !leavesFolder(destination))) continue;
    if (operand.startsWith('/')) continue; // outside the project
    const removed = posix.normalize(posix.join(folder, operand)).replace(/\/$/, '');
    if (removed.startsWith('..') || removed === '.' || removed === folder) continue;
    // Only a removal before the build takes the folder out of what is built.
    if (!BUILD_COMMAND.test(script.text.slice(match.index + match[0].length))) continue;
    const done = command === 'mv' ? `moves \`${operand}\` out of the app` : `deletes \`${operand}\``;
    facts.push({
      ...script.fact(match.index, `${script.file} ${done} before it builds`),
      folder: removed,
    });
  }
  return facts;
}

/** A destination outside the script's own folder (`../tmp/…`) or a temporary folder. */
function leavesFolder(destination: string): boolean {
  return /^(?:\.\.\/|\/tmp\b|\$\{?TMPDIR\b|\$\(mktemp)/.test(destination);
}
