// Runs the CLI's own entry function in this process: the same code path as dist/cli.js without a build,
// for tests that need the CLI's behaviour rather than the bundle's.
import { runCli } from '../../src/cli/run.js';

export interface InProcessRun {
  status: number;
  stdout: string;
  stderr: string;
}

export function runCliInProcess(args: string[], options: { terminal?: boolean } = {}): InProcessRun {
  let stdout = '';
  let stderr = '';
  const status = runCli(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    stderrIsTerminal: options.terminal ?? false,
  });
  // Only `verify` answers with a promise; it is tested through the bundle.
  if (typeof status !== 'number') throw new Error('runCliInProcess cannot wait for `verify`');
  return { status, stdout, stderr };
}
