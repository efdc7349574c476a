// CLI entry (bundled to dist/cli.js): wires the process to runCli, nothing else.
import { runCli } from './cli/run.js';

// A reader that stops early (`cookie-hardener scan | head`) closes the pipe: that ends the output, not the
// run with a stack trace. Anything else on the stream is still an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stderrIsTerminal: Boolean(process.stderr.isTTY),
});
