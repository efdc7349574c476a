// Checks request bodies (and the fake's own responses) against GitHub's published OpenAPI description.
//
// The description is the committed subset written by scripts/extract-openapi-subset.mjs. Request checks catch
// the engine sending a body GitHub would reject; response checks catch the fake drifting from the shapes
// Octokit's types promise, which would make tests pass against a GitHub that does not exist.

import { readFileSync } from 'node:fs';

import { Ajv } from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped once more.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

type JsonSchema = Record<string, unknown>;

export interface OperationSpec {
  /** "METHOD /path/{template}", the key used throughout the fake. */
  key: string;
  method: string;
  path: string;
  operationId: string;
  /** Goes into every error body for this operation, as GitHub's `documentation_url` does. */
  documentationUrl: string | null;
  requestBody: { required: boolean; schema: JsonSchema } | null;
  response: { status: number; schema: JsonSchema | null };
}

export interface SchemaProblem {
  /** JSON pointer into the checked document ("" for the root). */
  pointer: string;
  keyword: string;
  message: string;
  params: Record<string, unknown>;
}

/**
 * Places where GitHub's description disagrees with GitHub. The fake answers like GitHub does, so code that
 * trusts the description's types meets the real values in tests rather than in production.
 */
const KNOWN_GAPS: { operation: string; pointer: RegExp; why: string }[] = [
  {
    // A label created by adding it to an issue has `description: null`; the list schema says string.
    operation: 'GET /repos/{owner}/{repo}/pulls',
    pointer: /^\/\d+\/labels\/\d+\/description$/,
    why: 'labels without a description are null in list responses too',
  },
];

interface SubsetFile {
  source: { package: string; version: string };
  operations: Record<string, Omit<OperationSpec, 'key' | 'method' | 'path'>>;
}

export class OpenApiSubset {
  private readonly ajv: Ajv;
  private readonly specs = new Map<string, OperationSpec>();
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(file: SubsetFile) {
    // strict: false because GitHub's description uses OpenAPI keywords (nullable, format: int64, …) that are
    // not JSON Schema; allErrors so one answer can list every problem, as GitHub's own validator does.
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    // GitHub's "owner/name" format; the description gives no grammar for it, so accept any string.
    this.ajv.addFormat('repo.nwo', true);
    for (const [key, operation] of Object.entries(file.operations)) {
      const space = key.indexOf(' ');
      this.specs.set(key, { ...operation, key, method: key.slice(0, space), path: key.slice(space + 1) });
    }
    this.source = `${file.source.package}@${file.source.version}`;
  }

  /** Which description the subset was cut from, e.g. "@octokit/openapi@23.0.2". */
  readonly source: string;

  /** Loads the committed subset that sits next to this module. */
  static load(): OpenApiSubset {
    const text = readFileSync(new URL('./openapi-subset.json', import.meta.url), 'utf8');
    return new OpenApiSubset(JSON.parse(text) as SubsetFile);
  }

  operation(key: string): OperationSpec | undefined {
    return this.specs.get(key);
  }

  operations(): OperationSpec[] {
    return [...this.specs.values()];
  }

  /** Problems with a request body; empty when it is valid or the operation takes none. */
  checkRequest(key: string, body: unknown): SchemaProblem[] {
    const spec = this.specs.get(key);
    if (!spec?.requestBody) return [];
    return this.check(`request ${key}`, spec.requestBody.schema, body);
  }

  /** Problems with a success response body; empty when it is valid or the operation documents none. */
  checkResponse(key: string, body: unknown): SchemaProblem[] {
    const spec = this.specs.get(key);
    if (!spec?.response.schema) return [];
    const problems = this.check(`response ${key}`, spec.response.schema, body);
    return problems.filter(
      (problem) => !KNOWN_GAPS.some((gap) => gap.operation === key && gap.pointer.test(problem.pointer)),
    );
  }

  private check(cacheKey: string, schema: JsonSchema, value: unknown): SchemaProblem[] {
    let validate = this.compiled.get(cacheKey);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.compiled.set(cacheKey, validate);
    }
    if (validate(value)) return [];
    return (validate.errors ?? []).map(toProblem);
  }
}

function toProblem(error: ErrorObject): SchemaProblem {
  return {
    pointer: error.instancePath,
    keyword: error.keyword,
    message: `${error.instancePath || '(body)'} ${error.message ?? 'is invalid'}`,
    params: error.params as Record<string, unknown>,
  };
}

/** Ruby's `inspect` of a JSON value, which is how GitHub quotes offending values in its messages. */
function rubyInspect(value: unknown): string {
  if (value === null || value === undefined) return 'nil';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value) || typeof value === 'object') return JSON.stringify(value).replace(/":/g, '"=>');
  return String(value);
}

function valueAt(body: unknown, pointer: string): unknown {
  let current = body;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/**
 * The message GitHub's request validator answers with, for example
 * `Invalid request.\n\n"title" wasn't supplied.` or `Invalid request.\n\nFor 'properties/draft', "yes" is not
 * a boolean.` Missing keys are reported together, like GitHub does ("a", "b" weren't supplied.).
 */
export function invalidRequestMessage(problems: readonly SchemaProblem[], body: unknown): string {
  const missing = problems
    .filter((problem) => problem.keyword === 'required' && problem.pointer === '')
    .map((problem) => `"${String(problem.params.missingProperty)}"`);
  const lines: string[] = [];
  if (missing.length === 1) lines.push(`${missing[0]} wasn't supplied.`);
  if (missing.length > 1) lines.push(`${missing.join(', ')} weren't supplied.`);
  for (const problem of problems) {
    if (problem.keyword === 'required' && problem.pointer === '') continue;
    // Combinator failures repeat what their branches already said.
    if (problem.keyword === 'oneOf' || problem.keyword === 'anyOf') {
      lines.push(`No subschema in "${problem.keyword}" matched.`);
      continue;
    }
    const where = problem.pointer
      .split('/')
      .slice(1)
      .map((segment) => (/^\d+$/.test(segment) ? 'items' : `properties/${segment}`))
      .join('/');
    const value = rubyInspect(valueAt(body, problem.pointer));
    if (problem.keyword === 'type') {
      lines.push(`For '${where}', ${value} is not ${article(String(problem.params.type))}.`);
    } else if (problem.keyword === 'enum') {
      lines.push(`For '${where}', ${value} is not a member of ${rubyInspect(problem.params.allowedValues)}.`);
    } else if (problem.keyword === 'additionalProperties') {
      lines.push(`"${String(problem.params.additionalProperty)}" is not a permitted key.`);
    } else if (problem.keyword === 'required') {
      lines.push(`For '${where}', "${String(problem.params.missingProperty)}" wasn't supplied.`);
    } else {
      lines.push(`For '${where}', ${value} ${problem.message.slice(problem.message.indexOf(' ') + 1)}.`);
    }
  }
  return `Invalid request.\n\n${[...new Set(lines)].join('\n')}`;
}

function article(type: string): string {
  const name = type.split(',')[0] ?? type;
  return /^[aeiou]/.test(name) ? `an ${name}` : `a ${name}`;
}
