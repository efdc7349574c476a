// `verify`'s own options as parsed from argv: --browser and --http-port, and the mistakes around them.
import { describe, expect, it } from 'vitest';
import { parseCliArguments } from '../../src/cli/args.js';
import { UsageError } from '../../src/errors.js';

function usageError(argv: string[]): string {
  try {
    parseCliArguments(argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`no usage error for ${argv.join(' ')}`);
}

describe('verify --browser', () => {
  it('is off unless asked for; on, the browser tries http:// on port 80 unless --http-port says otherwise', () => {
    expect(parseCliArguments(['verify', 'https://example.test/']).verify.browser).toBeNull();
    expect(parseCliArguments(['verify', 'https://example.test/', '--browser']).verify).toEqual({
      project: null,
      findings: null,
      scenario: null,
      ca: null,
      timeoutMs: null,
      browser: { httpPort: 80 },
    });
    expect(
      parseCliArguments(['verify', 'https://example.test/', '--http-port', '8080', '--browser']).verify
        .browser,
    ).toEqual({ httpPort: 8080 });
    expect(
      parseCliArguments(['verify', 'https://example.test/', '--browser', '--http-port=1']).verify.browser,
    ).toEqual({
      httpPort: 1,
    });
  });

  it('refuses them outside verify, --http-port without --browser, and a port that is not one', () => {
    const cases: Array<[string[], string]> = [
      [['scan', '--browser'], '`--browser` only applies to `verify`'],
      [['fix', '.', '--http-port', '8080'], '`--http-port` only applies to `verify`'],
      [['baseline', '--browser'], '`--browser` only applies to `verify`'],
      [
        ['verify', 'https://example.test/', '--http-port', '8080'],
        '`--http-port` only applies with `--browser` (it is where the browser tries http://)',
      ],
      [['verify', 'https://example.test/', '--browser=yes'], '`--browser` takes no value'],
      [['verify', 'https://example.test/', '--browser', '--http-port'], '`--http-port` needs a value'],
      [['verify', 'https://example.test/', '--browser', '--http-port', ' '], '`--http-port` needs a value'],
      [
        ['verify', 'https://example.test/', '--browser', '--http-port', '0'],
        '`--http-port` must be a port number from 1 to 65535 (got "0")',
      ],
      [
        ['verify', 'https://example.test/', '--browser', '--http-port', '65536'],
        '`--http-port` must be a port number from 1 to 65535 (got "65536")',
      ],
      [
        ['verify', 'https://example.test/', '--browser', '--http-port', '80.5'],
        '`--http-port` must be a port number from 1 to 65535 (got "80.5")',
      ],
      [
        ['verify', 'https://example.test/', '--browser', '--http-port', 'http'],
        '`--http-port` must be a port number from 1 to 65535 (got "http")',
      ],
      [
        ['verify', 'https://example.test/', '--browsr'],
        'unknown option `--browsr`: did you mean `--browser`?',
      ],
    ];
    expect(cases.map(([argv]) => [argv, usageError(argv)])).toEqual(cases);
  });
});

describe('verify --timeout', () => {
  it('takes seconds down to one millisecond, and says so for less or a negative number', () => {
    expect(
      parseCliArguments(['verify', 'https://example.test/', '--timeout', '0.001']).verify.timeoutMs,
    ).toBe(1);
    for (const value of ['0.0004', '-1', '0', '601', 'soon'])
      expect(usageError(['verify', 'https://example.test/', `--timeout=${value}`])).toBe(
        `\`--timeout\` must be a number of seconds from 0.001 (1 ms) to 600 (got "${value}")`,
      );
  });
});
