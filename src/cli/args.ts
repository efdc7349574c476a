// argv → what the person asked for. Every mistake becomes a UsageError naming the bad argument.
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';

export type Format = 'text' | 'json' | 'markdown';

export interface CliRequest {
  command: 'scan' | 'fix' | 'help' | 'version';
  folder: string;
  format: Format;
  dryRun: boolean;
  quiet: boolean;
  debug: boolean;
  configFile: string | null;
}

export const USAGE = `Usage: cookie-hardener <scan|fix> [folder] [options]

Finds cookies set without HttpOnly / Secure in JavaScript, TypeScript and Python code, and fixes them.

Commands:
  scan [folder]        report weak cookie settings (default folder: .)
  fix [folder]         fix them in place (files are written atomically)

Options:
  --dry-run            with fix: print the findings and the diff, write nothing
  --format <f>         text (default), json or markdown
  --config <file>      a cookie-hardener.yml (default: .github/cookie-hardener.yml when present)
  --quiet              print only weak findings and the summary
  --debug              print stack traces for unexpected errors
  -h, --help           show this help
  -v, --version        show the version

Exit codes: 0 nothing weak remains, 1 weak findings remain, 2 usage or runtime error.
`;

export function parseCliArguments(argv: readonly string[]): CliRequest {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        'dry-run': { type: 'boolean', default: false },
        format: { type: 'string', default: 'text' },
        config: { type: 'string' },
        quiet: { type: 'boolean', default: false },
        debug: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  const { values, positionals } = parsed;
  const base = {
    format: 'text' as Format,
    dryRun: values['dry-run'] ?? false,
    quiet: values.quiet ?? false,
    debug: values.debug ?? false,
    configFile: values.config ?? null,
    folder: '.',
  };
  if (values.help) return { ...base, command: 'help' };
  if (values.version) return { ...base, command: 'version' };
  const [command, folder, ...extra] = positionals;
  if (command === undefined) throw new UsageError('missing command: use `scan` or `fix` (see --help)');
  if (command !== 'scan' && command !== 'fix')
    throw new UsageError(`unknown command "${command}": use \`scan\` or \`fix\``);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}": give one folder`);
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'markdown') {
    throw new UsageError(`--format must be text, json or markdown (got "${format}")`);
  }
  if (base.dryRun && command !== 'fix') throw new UsageError('--dry-run only applies to `fix`');
  return { ...base, command, folder: folder ?? '.', format };
}
