// CLI entry (bundled to dist/cli.js): wires the process to runCli, nothing else.
import { runCli } from './cli/run.js';

process.exitCode = runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stderrIsTerminal: Boolean(process.stderr.isTTY),
});
