// Where `verify` learns which cookies the code sets and with which flags: a scan of the project run now, or
// the `cookies` list of a `scan --format json` file. A live cookie is judged by its code sites; when no site
// explains it, its name's kind gives only a hint, shown and never counted (run.ts).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { kindOfName } from '../cookie-kind.js';
import { discoverFiles } from '../discover/list-files.js';
import { loadConfigFile } from '../discover/load-config.js';
import { readSourceFile } from '../discover/read-file.js';
import { UsageError } from '../errors.js';
import { prepareLanguages } from '../languages/registry.js';
import { scanFiles } from '../scan.js';
import type { CodeCookie, CookieExpectation, SiteExpectation } from './types.js';

export async function cookiesFromProject(folder: string): Promise<CodeCookie[]> {
  const root = resolve(folder);
  if (!existsSync(root) || !statSync(root).isDirectory())
    throw new UsageError(`\`--project\` ${JSON.stringify(folder)} is not a folder`);
  const { config } = loadConfigFile(root, null, root);
  const discovery = discoverFiles(root, config);
  await prepareLanguages(discovery.files);
  const result = scanFiles({
    files: discovery.files,
    evidenceFiles: discovery.evidenceFiles,
    read: (file, mustMention) => readSourceFile(discovery.root, file, mustMention),
    config,
    skipped: discovery.skipped,
  });
  return result.cookies ?? [];
}

const EXPECTATIONS: readonly SiteExpectation[] = ['required', 'https', 'not-required'];

export function cookiesFromFindingsFile(path: string): CodeCookie[] {
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'not a JSON scan report';
    throw new UsageError(`\`--findings\` ${JSON.stringify(path)}: ${reason}`);
  }
  const report = document as { version?: unknown; cookies?: unknown };
  if (report === null || typeof report !== 'object' || report.version !== 1)
    throw new UsageError(
      `\`--findings\` ${JSON.stringify(path)}: not a \`scan --format json\` report (version 1)`,
    );
  if (!Array.isArray(report.cookies))
    throw new UsageError(
      `\`--findings\` ${JSON.stringify(path)} has no \`cookies\` list: write it again with this version's \`scan --format json\``,
    );
  return report.cookies.map((entry: unknown, index) => {
    const cookie = entry as Partial<CodeCookie> | null;
    const valid =
      cookie !== null &&
      typeof cookie === 'object' &&
      Array.isArray(cookie.names) &&
      cookie.names.every((name) => typeof name === 'string') &&
      typeof cookie.file === 'string' &&
      typeof cookie.line === 'number' &&
      EXPECTATIONS.includes(cookie.expected?.httpOnly as SiteExpectation) &&
      EXPECTATIONS.includes(cookie.expected?.secure as SiteExpectation);
    if (!valid)
      throw new UsageError(`\`--findings\` ${JSON.stringify(path)}: \`cookies[${index}]\` is malformed`);
    return {
      names: cookie.names!,
      ruleId: String(cookie.ruleId ?? ''),
      framework: String(cookie.framework ?? ''),
      file: cookie.file!,
      line: cookie.line!,
      kind: cookie.kind === 'session' || cookie.kind === 'csrf' ? cookie.kind : 'other',
      expected: { httpOnly: cookie.expected!.httpOnly, secure: cookie.expected!.secure },
      reasons: typeof cookie.reasons === 'object' && cookie.reasons !== null ? cookie.reasons : {},
    };
  });
}

/**
 * What a live cookie named `name`, set by a response from `url`, must carry. Several sites may set one name:
 * a flag any of them requires is required. `https` expectations count only on HTTPS answers.
 */
export function expectationFor(name: string, url: URL, sites: readonly CodeCookie[]): CookieExpectation {
  const matching = sites.filter((site) => site.names.includes(name));
  const https = url.protocol === 'https:';
  if (matching.length > 0) {
    const needs = (flag: 'httpOnly' | 'secure') =>
      matching.some(
        (site) => site.expected[flag] === 'required' || (https && site.expected[flag] === 'https'),
      );
    return {
      httpOnly: needs('httpOnly'),
      secure: needs('secure'),
      source: 'code',
      sites: matching.map((site) => `${site.file}:${site.line}`),
    };
  }
  // No code location explains it: what the name's kind suggests (session → HttpOnly + Secure, else Secure),
  // which the report shows and does not count.
  return { httpOnly: kindOfName(name) === 'session', secure: true, source: 'name', sites: [] };
}
