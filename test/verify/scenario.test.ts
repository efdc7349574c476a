import { describe, expect, it } from 'vitest';
import { parseScenario, resolveValue } from '../../src/verify/scenario.js';

describe('parseScenario', () => {
  it('reads ordered steps with their defaults', () => {
    const scenario = parseScenario(
      'verify.yml',
      `steps:
  - name: log in
    method: post
    path: /login
    headers: { X-Test: "1" }
    form: { user: alice, password: "\${TEST_PASSWORD}", remember: true }
    follow-redirects: false
    expect:
      status: [302, 303]
      cookies: [sid]
  - path: /api/me
    json: { deep: { list: [1, "\${X}"] } }
`,
    );
    expect(scenario).toEqual({
      file: 'verify.yml',
      steps: [
        {
          name: 'log in',
          method: 'POST',
          path: '/login',
          headers: { 'X-Test': '1' },
          body: { kind: 'form', value: { user: 'alice', password: '${TEST_PASSWORD}', remember: 'true' } },
          expectStatus: [302, 303],
          expectCookies: ['sid'],
          followRedirects: false,
          line: 2,
        },
        {
          name: 'GET /api/me',
          method: 'GET',
          path: '/api/me',
          headers: {},
          body: { kind: 'json', value: { deep: { list: [1, '${X}'] } } },
          expectStatus: null,
          expectCookies: [],
          followRedirects: true,
          line: 11,
        },
      ],
    });
  });

  const error = (text: string) => {
    try {
      parseScenario('verify.yml', text);
    } catch (caught) {
      return (caught as Error).message;
    }
    return null;
  };

  it('names the file, the line and the reason for bad input', () => {
    expect(error('steps: []\n')).toBe('verify.yml:1: `steps` must be a non-empty list');
    expect(error('step:\n  - path: /\n')).toBe('verify.yml:1: unknown key `step` (expected `steps`)');
    expect(error('steps:\n  - path: /\n    methd: GET\n')).toBe(
      'verify.yml:3: unknown step key `methd` (known: name, method, path, headers, form, json, expect, follow-redirects)',
    );
    expect(error('steps:\n  - method: GET\n')).toBe('verify.yml:2: step 1 needs a `path`');
    expect(error('steps:\n  - path: login\n')).toBe('verify.yml:2: `path` must start with `/`');
    expect(error('steps:\n  - path: /\n    method: FETCH\n')).toBe(
      'verify.yml:3: `method` must be one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS (got "FETCH")',
    );
    expect(error('steps:\n  - path: /\n    form: {a: 1}\n    json: {a: 1}\n')).toBe(
      'verify.yml:4: a step has `form` or `json`, not both',
    );
    expect(error('steps:\n  - path: /\n    expect:\n      status: ok\n')).toBe(
      'verify.yml:4: `expect.status` must be an HTTP status (100-599) or a list of them',
    );
    expect(error('steps:\n  - path: /\n    expect: { cookies: sid }\n')).toBe(
      'verify.yml:3: `expect.cookies` must be a list of cookie names',
    );
    expect(error('steps:\n  - path: /\n  bad: [\n')).toMatch(/^verify\.yml:\d+: not valid YAML: /);
  });

  it('gives the line of a YAML syntax error, not line 1', () => {
    expect(error('steps:\n  - path: /\n  bad: [\n')).toBe(
      'verify.yml:3: not valid YAML: All mapping items must start at the same column',
    );
    expect(error('steps:\n  - path: /\n    name: a\n    name: b\n')).toBe(
      'verify.yml:4: not valid YAML: Map keys must be unique',
    );
  });

  it('refuses a header name that is not a token, or a value with a line break, without showing the value', () => {
    expect(error('steps:\n  - path: /\n    headers: { "Bad Header": v }\n')).toBe(
      'verify.yml:3: step "GET /": header "Bad Header" is not a valid HTTP header name',
    );
    expect(error('steps:\n  - name: in\n    path: /\n    headers:\n      X-Key: "s3cr3t\\r\\nX: y"\n')).toBe(
      'verify.yml:5: step "in": the value of header X-Key holds a line break or another control character (a trailing newline in an environment variable?)',
    );
  });
});

describe('resolveValue', () => {
  const step = parseScenario('verify.yml', 'steps:\n  - name: log in\n    path: /login\n').steps[0]!;

  it('replaces ${NAME} from the environment at any depth', () => {
    expect(
      resolveValue({ a: ['x${A}y', { b: '${B}' }], n: 1 }, { A: '1', B: '2' }, 'verify.yml', step),
    ).toEqual({
      a: ['x1y', { b: '2' }],
      n: 1,
    });
  });

  it('a missing variable names the file, the step and the variable', () => {
    expect(() => resolveValue('${TEST_PASSWORD}', {}, 'verify.yml', step)).toThrow(
      'verify.yml:2: step "log in" uses the environment variable TEST_PASSWORD, which is not set',
    );
  });

  it("refuses the Action's inputs and the runner's credentials, even when set", () => {
    const env = {
      INPUT_TOKEN: 'ghs_x',
      ACTIONS_RUNTIME_TOKEN: 'a',
      RUNNER_TEMP: '/t',
      GITHUB_TOKEN: 'ghs_y',
    };
    for (const name of Object.keys(env)) {
      expect(() => resolveValue({ h: `Bearer \${${name}}` }, env, 'verify.yml', step)).toThrow(
        `verify.yml:2: step "log in" uses the environment variable ${name}, which a scenario may not read (INPUT_*, ACTIONS_*, RUNNER_* and GITHUB_TOKEN are the workflow's own inputs and credentials)`,
      );
    }
    expect(resolveValue('${GITHUB_SHA}', { GITHUB_SHA: 'abc' }, 'verify.yml', step)).toBe('abc');
  });
});
