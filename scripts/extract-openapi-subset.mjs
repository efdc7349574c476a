#!/usr/bin/env node
// Regenerates test/fake-github/openapi-subset.json: the slice of GitHub's published REST description that the
// fake GitHub server validates requests (and its own responses) against.
//
// Why a committed subset: @octokit/openapi is a 29 MB tarball that unpacks to ~400 MB, and its package index
// loads every description it ships. CI must never download it, so this script is run by hand when we want a
// newer description, and its small output is committed.
//
// Usage:
//   node scripts/extract-openapi-subset.mjs                 # downloads @octokit/openapi into a temp dir
//   node scripts/extract-openapi-subset.mjs --from <file>   # reuses an api.github.com.deref.json you have
//   OPENAPI_VERSION=23.0.2 node scripts/extract-openapi-subset.mjs
//
// It never installs anything into this repository: `npm pack` fetches the tarball into a temporary directory
// and only `generated/api.github.com.deref.json` (every $ref inlined, so each operation stands alone) is read.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUTPUT = resolve(HERE, '../test/fake-github/openapi-subset.json');
const PACKAGE = '@octokit/openapi';
const DEREF_FILE = 'generated/api.github.com.deref.json';

/** The operations cookie-hardener calls. Keep in sync with the routes in test/fake-github/routes/. */
const OPERATIONS = [
  'GET /repos/{owner}/{repo}',
  'GET /repos/{owner}/{repo}/git/ref/{ref}',
  'POST /repos/{owner}/{repo}/git/refs',
  'PATCH /repos/{owner}/{repo}/git/refs/{ref}',
  'DELETE /repos/{owner}/{repo}/git/refs/{ref}',
  'GET /repos/{owner}/{repo}/git/commits/{commit_sha}',
  'POST /repos/{owner}/{repo}/git/commits',
  'GET /repos/{owner}/{repo}/git/trees/{tree_sha}',
  'POST /repos/{owner}/{repo}/git/trees',
  'POST /repos/{owner}/{repo}/git/blobs',
  'GET /repos/{owner}/{repo}/git/blobs/{file_sha}',
  'GET /repos/{owner}/{repo}/compare/{basehead}',
  'GET /repos/{owner}/{repo}/commits',
  'GET /repos/{owner}/{repo}/pulls',
  'POST /repos/{owner}/{repo}/pulls',
  'GET /repos/{owner}/{repo}/pulls/{pull_number}',
  'PATCH /repos/{owner}/{repo}/pulls/{pull_number}',
  'GET /repos/{owner}/{repo}/pulls/{pull_number}/files',
  'GET /repos/{owner}/{repo}/pulls/{pull_number}/commits',
  'POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews',
  'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews',
  'GET /repos/{owner}/{repo}/pulls/{pull_number}/comments',
  'PATCH /repos/{owner}/{repo}/pulls/comments/{comment_id}',
  'DELETE /repos/{owner}/{repo}/pulls/comments/{comment_id}',
  'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
  'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
  'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
  'POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
  'POST /repos/{owner}/{repo}/issues/{issue_number}/assignees',
  'POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers',
  // The organisation sweep: the plan lists what the App can reach; the dashboard keeps one tracking issue.
  'GET /installation/repositories',
  'GET /repos/{owner}/{repo}/issues',
  'POST /repos/{owner}/{repo}/issues',
  'PATCH /repos/{owner}/{repo}/issues/{issue_number}',
];

/** Keywords that only document a schema; they never change what validates. */
const DOC_KEYWORDS = new Set(['description', 'example', 'examples', 'title', 'externalDocs', 'deprecated']);

function parseArgs(argv) {
  const args = { from: undefined };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--from') args.from = argv[++i];
    else if (argv[i] === '--help' || argv[i] === '-h') {
      console.log('usage: extract-openapi-subset.mjs [--from path/to/api.github.com.deref.json]');
      process.exit(0);
    } else throw new Error(`unknown argument: ${argv[i]}`);
  }
  return args;
}

/** Downloads the package tarball into a temp dir and unpacks the one file we read. */
function fetchDescription() {
  const dir = mkdtempSync(join(tmpdir(), 'octokit-openapi-'));
  const spec = process.env.OPENAPI_VERSION ? `${PACKAGE}@${process.env.OPENAPI_VERSION}` : PACKAGE;
  const packed = execFileSync('npm', ['pack', spec, '--silent', '--pack-destination', dir], {
    cwd: dir,
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .pop();
  execFileSync('tar', [
    '-xzf',
    join(dir, packed),
    '-C',
    dir,
    `package/${DEREF_FILE}`,
    'package/package.json',
  ]);
  const pkg = JSON.parse(readFileSync(join(dir, 'package/package.json'), 'utf8'));
  return {
    path: join(dir, 'package', DEREF_FILE),
    version: pkg.version,
    cleanup: () => rmSync(dir, { recursive: true }),
  };
}

/** Removes documentation-only keywords everywhere; keeps every constraint. Used for request bodies. */
function stripDocs(schema) {
  if (Array.isArray(schema)) return schema.map(stripDocs);
  if (schema === null || typeof schema !== 'object') return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DOC_KEYWORDS.has(key) || key.startsWith('x-')) continue;
    // `properties` maps names to schemas: its keys are data, not keywords, so never filter them.
    if (key === 'properties') {
      out.properties = mapValues(value, stripDocs);
    } else out[key] = stripDocs(value);
  }
  return out;
}

/**
 * Keeps only what a response must contain: required properties (recursively), types, enums, nullability and
 * the combinators. The fake's responses are checked against this, so it states the shape clients may rely on
 * without the hundreds of optional fields that would bloat the file.
 */
function requiredShape(schema) {
  if (schema === null || typeof schema !== 'object') return schema;
  const out = {};
  for (const key of ['type', 'enum', 'nullable', 'format']) if (key in schema) out[key] = schema[key];
  for (const key of ['anyOf', 'oneOf', 'allOf'])
    if (Array.isArray(schema[key])) out[key] = schema[key].map(requiredShape);
  if (schema.items) out.items = requiredShape(schema.items);
  const required = Array.isArray(schema.required)
    ? schema.required.filter((name) => typeof name === 'string')
    : [];
  if (required.length > 0) out.required = required;
  // A closed object (GitHub's "Empty Object" inside a oneOf is one) keeps every property name, otherwise a
  // valid optional field would be rejected; an open object keeps only the properties it requires.
  const closed = schema.additionalProperties === false;
  const names = closed ? Object.keys(schema.properties ?? {}) : required;
  if (closed || names.length > 0) {
    out.properties = {};
    for (const name of names) {
      const sub = schema.properties?.[name];
      if (sub) out.properties[name] = requiredShape(sub);
    }
  }
  if (closed) out.additionalProperties = false;
  return out;
}

/**
 * OpenAPI 3.0 allows `nullable: true` beside a bare `oneOf`/`anyOf` (GitHub does this for commit authors);
 * JSON Schema validators need a `type` for it. Rewrites such nodes into an `anyOf` with an explicit null.
 */
function explicitNull(schema) {
  if (Array.isArray(schema)) return schema.map(explicitNull);
  if (schema === null || typeof schema !== 'object') return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    out[key] = key === 'properties' ? mapValues(value, explicitNull) : explicitNull(value);
  }
  if (out.nullable === true && !('type' in out)) {
    delete out.nullable;
    return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

function mapValues(object, fn) {
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, fn(value)]));
}

function extract(description, version) {
  const operations = {};
  for (const key of OPERATIONS) {
    const [method, path] = key.split(' ');
    const op = description.paths[path]?.[method.toLowerCase()];
    if (!op) throw new Error(`${key} is not in the description: has GitHub renamed it?`);
    const success = Object.keys(op.responses).find((code) => /^2\d\d$/.test(code));
    if (!success) throw new Error(`${key} documents no success response`);
    const responseSchema = op.responses[success].content?.['application/json']?.schema;
    const requestSchema = op.requestBody?.content?.['application/json']?.schema;
    operations[key] = {
      operationId: op.operationId,
      documentationUrl: op.externalDocs?.url ?? null,
      requestBody: requestSchema
        ? { required: op.requestBody.required === true, schema: explicitNull(stripDocs(requestSchema)) }
        : null,
      response: {
        status: Number(success),
        schema: responseSchema ? explicitNull(requiredShape(responseSchema)) : null,
      },
    };
  }
  return {
    $comment:
      'Generated by scripts/extract-openapi-subset.mjs. Do not edit by hand; rerun the script instead.',
    source: { package: PACKAGE, version, file: DEREF_FILE, openapi: description.openapi },
    operations,
  };
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const fetched = args.from ? undefined : fetchDescription();
  try {
    const path = args.from ?? fetched.path;
    const description = JSON.parse(readFileSync(path, 'utf8'));
    const version = fetched?.version ?? description.info?.version ?? 'unknown';
    const subset = extract(description, version);
    const text = `${JSON.stringify(subset, null, 1)}\n`;
    writeFileSync(OUTPUT, text);
    const count = Object.keys(subset.operations).length;
    console.log(
      `wrote ${OUTPUT}: ${count} operations, ${(text.length / 1024).toFixed(0)} KiB (${PACKAGE} ${version})`,
    );
  } finally {
    fetched?.cleanup();
  }
}

main();
