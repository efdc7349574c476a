// argv → what the person asked for. Every mistake becomes a UsageError naming the bad argument; messages
// start in lower case after the `cookie-hardener: ` prefix and quote names the way they are typed.
import { parseArgs } from 'node:util';
import { FAIL_ON_VALUES, parseFlagsList, splitList, type FailOn } from '../action/inputs.js';
import { UsageError } from '../errors.js';
import type { Attribute, SameSiteValue } from '../model.js';
import { closestName } from './suggest.js';

export type Format = 'text' | 'json' | 'markdown' | 'sarif';
export type Command = 'scan' | 'fix' | 'baseline' | 'verify';

export interface CliRequest {
  /** `usage`: no arguments at all, answered with the usage on stderr and exit 2. */
  command: Command | 'help' | 'version' | 'usage';
  /** Files and folders as typed (none: the current folder). */
  targets: string[];
  format: Format;
  dryRun: boolean;
  quiet: boolean;
  debug: boolean;
  configFile: string | null;
  failOn: FailOn;
  /** Where the report goes instead of stdout. */
  output: string | null;
  /** `--flags` and `--exclude`, laid over the config file as the action inputs are. */
  flags: Attribute[] | null;
  sameSite: SameSiteValue;
  exclude: string[];
  /** `verify` only: where expectations and requests come from. */
  verify: VerifyOptions;
}

export interface VerifyOptions {
  /** The project folder scanned for expectations (`--project`), null for the current folder. */
  project: string | null;
  /** A `scan --format json` file to take expectations from instead (`--findings`). */
  findings: string | null;
  scenario: string | null;
  ca: string | null;
  timeoutMs: number | null;
  /** `--browser`: also load the URLs in Chromium; `httpPort` is where its plain-HTTP probe goes. */
  browser: { httpPort: number } | null;
}

export const USAGE = `Usage: cookie-hardener <scan|fix|baseline> [paths...] [options]
       cookie-hardener verify <url...> [options]

Finds cookies set without HttpOnly / Secure in JavaScript, TypeScript and Python code, and fixes them.

Commands:
  scan [paths...]      report weak cookie settings (default: the current folder)
  fix [paths...]       fix them in place (files are written atomically)
  baseline [paths...]  record today's findings in .github/cookie-hardener-baseline.json; from then on
                       --fail-on (and the action's fail-on) counts only findings not recorded there
  verify <url...>      request a live deployment and check each Set-Cookie against what the code
                       expects, and that http:// redirects to https://

Paths: one folder is scanned as a project of its own (its config file, its baseline). Several paths, or a
file, are scanned from the repository that holds them (the folder with .git, else the current folder),
and findings are shown relative to it.

Options:
  --format <f>         text (default), json, sarif or markdown
  --output <file>      write the report to <file> (atomically); the summary still goes to the console
  --fail-on <when>     exit 1 when: weak (default) weak findings remain, any: any finding remains,
                       none: never
  --flags <list>       flags to enforce, as the action input: httpOnly,secure or secure,sameSite=strict
  --exclude <list>     paths or globs to leave out, comma-separated (may be repeated)
  --dry-run            with fix: print the findings and the diff, write nothing
  --config <file>      a cookie-hardener.yml (default: the nearest .github/cookie-hardener.yml or
                       cookie-hardener.yml from the scanned folder up to the repository root)
  --quiet              print only weak findings outside the baseline, and the summary
  --debug              print stack traces for unexpected errors

Options of verify (with --format text, json or markdown, --output and --debug):
  --project <dir>      the project whose scan gives the expected flags (default: the current folder)
  --findings <file>    take them from a \`scan --format json\` report instead
  --scenario <file>    steps to run instead of a GET of each URL (default:
                       .github/cookie-hardener-verify.yml in the project, when present)
  --ca <file>          PEM certificate authority to trust as well (a self-signed deployment)
  --timeout <seconds>  per request (default 10)
  --browser            also load each URL in Chromium (needs Chromium or Chrome, and puppeteer-core
                       installed beside cookie-hardener or in the project): HttpOnly cookies must be
                       hidden from document.cookie, Secure cookies must not be sent over http://
  --http-port <n>      with --browser: the port http:// is tried on for an https:// URL (default 80)
  -h, --help           show this help
  -v, --version        show the version

Exit codes: 0 nothing --fail-on counts (verify: no problem), 1 findings --fail-on counts remain (verify:
problems found), 2 usage or runtime error.
`;

const COMMANDS: readonly Command[] = ['scan', 'fix', 'baseline', 'verify'];
const FORMATS: readonly Format[] = ['text', 'json', 'markdown', 'sarif'];

const OPTIONS = {
  'dry-run': { type: 'boolean' },
  format: { type: 'string' },
  output: { type: 'string' },
  'fail-on': { type: 'string' },
  flags: { type: 'string' },
  exclude: { type: 'string', multiple: true },
  config: { type: 'string' },
  quiet: { type: 'boolean' },
  debug: { type: 'boolean' },
  project: { type: 'string' },
  findings: { type: 'string' },
  scenario: { type: 'string' },
  ca: { type: 'string' },
  timeout: { type: 'string' },
  browser: { type: 'boolean' },
  'http-port': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;
const OPTION_NAMES = Object.keys(OPTIONS).map((name) => `--${name}`);
/** Options that shape a report; `baseline` writes no report. */
const REPORT_OPTIONS = ['format', 'output', 'fail-on', 'quiet', 'dry-run'] as const;
/** Options only `verify` reads, and the scan options it does not. */
const VERIFY_OPTIONS = ['project', 'findings', 'scenario', 'ca', 'timeout', 'browser', 'http-port'] as const;
type VerifyValueOption = Exclude<(typeof VERIFY_OPTIONS)[number], 'browser'>;
const SCAN_ONLY_OPTIONS = ['dry-run', 'fail-on', 'flags', 'exclude', 'config', 'quiet'] as const;

export function parseCliArguments(argv: readonly string[]): CliRequest {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: OPTIONS });
  } catch (error) {
    throw new UsageError(describeParseError(error as Error & { code?: string }));
  }
  const { values, positionals } = parsed;
  const { flags, sameSite, problems } = parseFlagsList(values.flags ?? '');
  const base: CliRequest = {
    command: 'scan',
    targets: [],
    format: 'text',
    dryRun: values['dry-run'] ?? false,
    quiet: values.quiet ?? false,
    debug: values.debug ?? false,
    configFile: values.config ?? null,
    failOn: 'weak',
    output: values.output ?? null,
    flags,
    sameSite,
    exclude: (values.exclude ?? []).flatMap(splitList),
    verify: { project: null, findings: null, scenario: null, ca: null, timeoutMs: null, browser: null },
  };
  if (values.help) return { ...base, command: 'help' };
  if (values.version) return { ...base, command: 'version' };
  if (argv.length === 0) return { ...base, command: 'usage' };

  const [command, ...targets] = positionals;
  if (command === undefined)
    throw new UsageError('missing command: use `scan`, `fix`, `baseline` or `verify`');
  if (!(COMMANDS as readonly string[]).includes(command)) {
    const guess = closestName(command, [...COMMANDS, '--help', '--version']);
    throw new UsageError(
      `unknown command \`${command}\`: ${guess ? `did you mean \`${guess}\`?` : 'use `scan`, `fix`, `baseline` or `verify`'}`,
    );
  }
  if (problems.length > 0) throw new UsageError(`\`--flags\`: ${problems.join('; ')}`);
  if (values.flags !== undefined && flags === null) throw new UsageError('`--flags` needs at least one flag');
  if (values.output !== undefined && values.output.trim() === '')
    throw new UsageError('`--output` needs a file name');
  const format = values.format ?? 'text';
  if (command === 'verify') return verifyRequest(base, targets, values, format);
  const misplacedVerify = VERIFY_OPTIONS.find((name) => values[name] !== undefined);
  if (misplacedVerify) throw new UsageError(`\`--${misplacedVerify}\` only applies to \`verify\``);
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`\`--format\` must be text, json, sarif or markdown (got "${format}")`);
  }
  const failOn = values['fail-on'] ?? 'weak';
  if (!(FAIL_ON_VALUES as readonly string[]).includes(failOn)) {
    throw new UsageError(`\`--fail-on\` must be ${FAIL_ON_VALUES.join(', ')} (got "${failOn}")`);
  }
  if (command === 'baseline') {
    const misplaced = REPORT_OPTIONS.find((name) => values[name] !== undefined);
    if (misplaced) throw new UsageError(`\`--${misplaced}\` does not apply to \`baseline\``);
  }
  if (base.dryRun && command !== 'fix') throw new UsageError('`--dry-run` only applies to `fix`');
  return {
    ...base,
    command: command as Command,
    targets,
    format: format as Format,
    failOn: failOn as FailOn,
  };
}

function verifyRequest(
  base: CliRequest,
  urls: string[],
  values: { [name: string]: string | boolean | string[] | undefined },
  format: string,
): CliRequest {
  const misplaced = SCAN_ONLY_OPTIONS.find((name) => values[name] !== undefined);
  if (misplaced) throw new UsageError(`\`--${misplaced}\` does not apply to \`verify\``);
  if (urls.length === 0) throw new UsageError('`verify` needs at least one URL (https://…)');
  if (format !== 'text' && format !== 'json' && format !== 'markdown')
    throw new UsageError(`\`--format\` of \`verify\` must be text, json or markdown (got "${format}")`);
  const text = (name: VerifyValueOption): string | null => {
    const value = values[name];
    if (value === undefined) return null;
    if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`\`--${name}\` needs a value`);
    return value;
  };
  const project = text('project');
  const findings = text('findings');
  if (project !== null && findings !== null)
    throw new UsageError('`--project` and `--findings` are two sources of expectations: give one');
  const timeout = text('timeout');
  let timeoutMs: number | null = null;
  if (timeout !== null) {
    const seconds = Number(timeout);
    // Below a millisecond the timer would fire at once: every request would fail as if the server hung.
    if (!Number.isFinite(seconds) || seconds < 0.001 || seconds > 600)
      throw new UsageError(
        `\`--timeout\` must be a number of seconds from 0.001 (1 ms) to 600 (got "${timeout}")`,
      );
    timeoutMs = Math.round(seconds * 1000);
  }
  const httpPort = text('http-port');
  if (httpPort !== null && values.browser !== true)
    throw new UsageError(
      '`--http-port` only applies with `--browser` (it is where the browser tries http://)',
    );
  if (httpPort !== null && !/^\d{1,5}$/.test(httpPort.trim()))
    throw new UsageError(`\`--http-port\` must be a port number from 1 to 65535 (got "${httpPort}")`);
  const port = httpPort === null ? 80 : Number(httpPort.trim());
  if (port < 1 || port > 65535)
    throw new UsageError(`\`--http-port\` must be a port number from 1 to 65535 (got "${httpPort}")`);
  return {
    ...base,
    command: 'verify',
    targets: urls,
    format: format as Format,
    verify: {
      project,
      findings,
      scenario: text('scenario'),
      ca: text('ca'),
      timeoutMs,
      browser: values.browser === true ? { httpPort: port } : null,
    },
  };
}

/** Node's parser messages, in our words and with a guess at the option meant. */
function describeParseError(error: Error & { code?: string }): string {
  const option = /^(?:Unknown option|Option) '([^' ]+)/.exec(error.message)?.[1] ?? '';
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const guess = closestName(option, OPTION_NAMES);
    return `unknown option \`${option}\`${guess ? `: did you mean \`${guess}\`?` : ' (see `--help`)'}`;
  }
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return error.message.includes('argument missing')
      ? `\`${option}\` needs a value`
      : `\`${option}\` takes no value`;
  }
  const message = error.message.replace(/\. To specify a positional argument.*$/s, '');
  return message.charAt(0).toLowerCase() + message.slice(1);
}
