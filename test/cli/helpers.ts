// Runs the bundled CLI exactly as a person would, in a child process.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

export const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;
export const EXAMPLES = new URL('../../examples/', import.meta.url).pathname;

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCliProcess(args: string[], cwd?: string): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function temporaryFolder(): string {
  return mkdtempSync(join(tmpdir(), 'cookie-hardener-'));
}

export function copyExamples(): string {
  const folder = temporaryFolder();
  cpSync(EXAMPLES, folder, { recursive: true });
  return folder;
}

/** Every file under a folder with its bytes, for "nothing else changed" assertions. */
export function snapshotTree(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (path: string) => {
    for (const entry of readdirSync(path)) {
      const full = join(path, entry);
      if (statSync(full).isDirectory()) visit(full);
      else files.set(relative(folder, full), readFileSync(full, 'latin1'));
    }
  };
  visit(folder);
  return files;
}
