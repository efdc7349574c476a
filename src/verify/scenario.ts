// The scenario file (`.github/cookie-hardener-verify.yml`): the requests a plain GET does not make (a test
// login, a form post), in order. Values may name environment variables (`${NAME}`) so no password sits in the
// file; they are resolved only when the step runs. Every mistake names the file, the line and the reason.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import { ConfigError } from '../config-file.js';
import { UsageError } from '../errors.js';
import type { Scenario, ScenarioStep } from './types.js';

export const DEFAULT_SCENARIO_PATH = '.github/cookie-hardener-verify.yml';

const STEP_KEYS = [
  'name',
  'method',
  'path',
  'headers',
  'form',
  'json',
  'expect',
  'follow-redirects',
] as const;
const EXPECT_KEYS = ['status', 'cookies'] as const;
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

export function parseScenario(file: string, text: string): Scenario {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const lineOf = (node: Node | null | undefined, fallback = 1) =>
    node?.range ? lines.linePos(node.range[0]).line : fallback;
  const error = document.errors[0];
  if (error) {
    // Without pretty errors yaml gives no linePos: the offset it does give is turned into a line here.
    throw new ConfigError(
      file,
      lines.linePos(error.pos[0]).line,
      `not valid YAML: ${error.message.split('\n')[0]}`,
    );
  }
  const root = document.contents;
  if (!isMap(root))
    throw new ConfigError(file, lineOf(root), 'the file must be a mapping with a `steps` list');
  for (const pair of root.items) {
    const key = keyName(pair.key);
    if (key !== 'steps')
      throw new ConfigError(file, lineOf(pair.key as Node), `unknown key \`${key}\` (expected \`steps\`)`);
  }
  const stepsNode = root.get('steps', true) as Node | undefined;
  if (!isSeq(stepsNode) || stepsNode.items.length === 0)
    throw new ConfigError(file, lineOf(stepsNode ?? root), '`steps` must be a non-empty list');
  const steps = stepsNode.items.map((item, index) => readStep(file, item as Node, index, lineOf));
  return { file, steps };
}

function readStep(
  file: string,
  node: Node,
  index: number,
  lineOf: (node: Node | null | undefined, fallback?: number) => number,
): ScenarioStep {
  const line = lineOf(node);
  if (!isMap(node))
    throw new ConfigError(file, line, `step ${index + 1} must be a mapping (method, path, …)`);
  const where = (key: string) => lineOf(node.get(key, true) as Node | undefined, line);
  for (const pair of node.items) {
    const key = keyName(pair.key);
    if (!(STEP_KEYS as readonly string[]).includes(key))
      throw new ConfigError(
        file,
        lineOf(pair.key as Node, line),
        `unknown step key \`${key}\` (known: ${STEP_KEYS.join(', ')})`,
      );
  }
  const method = (optionalString(file, node, 'method', where) ?? 'GET').toUpperCase();
  if (!METHODS.includes(method))
    throw new ConfigError(
      file,
      where('method'),
      `\`method\` must be one of ${METHODS.join(', ')} (got "${method}")`,
    );
  const path = optionalString(file, node, 'path', where);
  if (path === null) throw new ConfigError(file, line, `step ${index + 1} needs a \`path\``);
  if (!path.startsWith('/')) throw new ConfigError(file, where('path'), '`path` must start with `/`');
  const headers = stringMap(file, node, 'headers', where);
  const form = node.get('form', true) as Node | undefined;
  const json = node.get('json', true) as Node | undefined;
  if (form !== undefined && json !== undefined)
    throw new ConfigError(file, where('json'), 'a step has `form` or `json`, not both');
  let body: ScenarioStep['body'] = null;
  if (form !== undefined) body = { kind: 'form', value: stringMap(file, node, 'form', where) };
  if (json !== undefined) body = { kind: 'json', value: (json as Node).toJSON() };
  const followNode = node.get('follow-redirects', true) as Node | undefined;
  if (followNode !== undefined && !(isScalar(followNode) && typeof followNode.value === 'boolean'))
    throw new ConfigError(file, where('follow-redirects'), '`follow-redirects` must be true or false');
  const expect = node.get('expect', true) as Node | undefined;
  let expectStatus: number[] | null = null;
  let expectCookies: string[] = [];
  if (expect !== undefined) {
    if (!isMap(expect))
      throw new ConfigError(file, where('expect'), '`expect` must be a mapping (status, cookies)');
    const expectLine = (key: string) => lineOf(expect.get(key, true) as Node | undefined, where('expect'));
    for (const pair of expect.items) {
      const key = keyName(pair.key);
      if (!(EXPECT_KEYS as readonly string[]).includes(key))
        throw new ConfigError(
          file,
          lineOf(pair.key as Node, line),
          `unknown key \`expect.${key}\` (known: status, cookies)`,
        );
    }
    const status = expect.get('status', true) as Node | undefined;
    if (status !== undefined) {
      const values = isSeq(status) ? status.items : [status];
      expectStatus = values.map((value) => {
        const number = isScalar(value) ? value.value : null;
        if (typeof number !== 'number' || !Number.isInteger(number) || number < 100 || number > 599)
          throw new ConfigError(
            file,
            expectLine('status'),
            '`expect.status` must be an HTTP status (100-599) or a list of them',
          );
        return number;
      });
    }
    const cookies = expect.get('cookies', true) as Node | undefined;
    if (cookies !== undefined) {
      if (!isSeq(cookies) || !cookies.items.every((item) => isScalar(item) && typeof item.value === 'string'))
        throw new ConfigError(file, expectLine('cookies'), '`expect.cookies` must be a list of cookie names');
      expectCookies = cookies.items.map((item) => String((item as { value: unknown }).value));
    }
  }
  const name = optionalString(file, node, 'name', where) ?? `${method} ${path}`;
  for (const [header, value] of Object.entries(headers)) {
    const problem = headerProblem(header, value);
    if (problem !== null) throw new ConfigError(file, where('headers'), `step "${name}": ${problem}`);
  }
  return {
    name,
    method,
    path,
    headers,
    body,
    expectStatus,
    expectCookies,
    followRedirects: followNode === undefined ? true : (followNode as { value: boolean }).value,
    line,
  };
}

/** RFC 9110 §5.1: a field name is a token. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** What Node refuses in a field value (and what could split one header into two): controls other than tab. */
const BAD_HEADER_VALUE = /[^\t\x20-\x7e\x80-\xff]/;

/** Why a header cannot be sent, naming it but never its value (it may be a credential), or null. */
export function headerProblem(name: string, value: string): string | null {
  if (!HEADER_NAME.test(name)) return `header ${JSON.stringify(name)} is not a valid HTTP header name`;
  if (BAD_HEADER_VALUE.test(value))
    return `the value of header ${name} holds a line break or another control character (a trailing newline in an environment variable?)`;
  return null;
}

function keyName(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

function optionalString(
  file: string,
  node: YAMLMap,
  key: string,
  where: (key: string) => number,
): string | null {
  const value = node.get(key, true) as Node | undefined;
  if (value === undefined) return null;
  if (!isScalar(value) || (typeof value.value !== 'string' && typeof value.value !== 'number'))
    throw new ConfigError(file, where(key), `\`${key}\` must be a string`);
  return String(value.value);
}

function stringMap(
  file: string,
  node: YAMLMap,
  key: string,
  where: (key: string) => number,
): Record<string, string> {
  const value = node.get(key, true) as Node | undefined;
  if (value === undefined) return {};
  if (!isMap(value))
    throw new ConfigError(file, where(key), `\`${key}\` must be a mapping of names to values`);
  const result: Record<string, string> = {};
  for (const pair of value.items) {
    const item = pair.value as Node | null;
    if (!isScalar(item) || item.value === null || typeof item.value === 'object')
      throw new ConfigError(
        file,
        where(key),
        `\`${key}.${keyName(pair.key)}\` must be a string, number or boolean`,
      );
    result[keyName(pair.key)] = String(item.value);
  }
  return result;
}

/**
 * In the Action, these hold its inputs (the token among them) and the runner's own credentials: a scenario
 * file changed in a pull request must not be able to send them to a server of its choosing.
 */
function isRunnerSecret(name: string): boolean {
  return /^(INPUT_|ACTIONS_|RUNNER_)/i.test(name) || name.toUpperCase() === 'GITHUB_TOKEN';
}

/**
 * `${NAME}` replaced from the environment, in strings and in JSON values at any depth. A missing variable is
 * an error naming the file, the step and the variable (its value, once found, is never shown).
 */
export function resolveValue<T>(
  value: T,
  env: Readonly<Record<string, string | undefined>>,
  file: string,
  step: ScenarioStep,
): T {
  const replace = (text: string): string =>
    text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_match, name: string) => {
      if (isRunnerSecret(name))
        throw new UsageError(
          `${file}:${step.line}: step "${step.name}" uses the environment variable ${name}, which a scenario may not read (INPUT_*, ACTIONS_*, RUNNER_* and GITHUB_TOKEN are the workflow's own inputs and credentials)`,
        );
      const found = env[name];
      if (found === undefined)
        throw new UsageError(
          `${file}:${step.line}: step "${step.name}" uses the environment variable ${name}, which is not set`,
        );
      return found;
    });
  const walk = (item: unknown): unknown => {
    if (typeof item === 'string') return replace(item);
    if (Array.isArray(item)) return item.map(walk);
    if (item !== null && typeof item === 'object')
      return Object.fromEntries(Object.entries(item).map(([key, inner]) => [key, walk(inner)]));
    return item;
  };
  return walk(value) as T;
}
