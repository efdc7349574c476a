// Assembles the project evidence index from the texts one scan read: each evidence kind has its own
// module; this one only routes texts to them and indexes the result. Pure: nothing is read here.
import { languageOf } from '../languages/index.js';
import { findReaders } from './browser-readers.js';
import { findBuildExclusions } from './build-exclusions.js';
import { findCookiePolicy, usesCookiePolicy } from './cookie-policy.js';
import { evidenceFileKind } from './files.js';
import { frameworksImported, frameworksInManifest, manifestKind, manifestLanguage } from './frameworks.js';
import { findForcedSecure } from './forced-secure.js';
import { findMootSettings } from './moot.js';
import { findOptionalTls } from './optional-tls.js';
import {
  NOT_A_DEPLOYMENT,
  findHttpOnlyProxy,
  findHttpOnlyServer,
  findPlainHttp,
  findPublishedHttpPort,
} from './plain-http.js';
import { manifestProjectName } from './project-names.js';
import { findProxyHints, findProxyTrust } from './proxy-trust.js';
import { makeEvidence, emptyEvidenceData } from './query.js';
import { Source, snippet } from './source.js';
import { findTransportSwitches, type SiteInput } from './transport.js';
import type { EvidenceData, EvidenceFact, ProjectEvidence } from './types.js';

export interface EvidenceInput {
  /** JavaScript and Python texts the scan read (parsed, loaded on demand, or read for evidence only). */
  sources: ReadonlyMap<string, string>;
  /** Templates, manifests and deployment files read for the index only. */
  extras: ReadonlyMap<string, string>;
  /** The cookie sites the rules found, with their language. */
  sites: readonly SiteInput[];
  isTestFile: (file: string) => boolean;
  /** Server settings that make Secure follow the request (see `EvidenceData.requestFollowingSettings`). */
  requestFollowingSettings?: readonly EvidenceFact[];
  /** Resolves and reads a project module named by an import (see `TransportInput.loadImport`). */
  loadImport?: (
    fromFile: string,
    specifier: string,
    language: 'javascript' | 'python',
  ) => {
    file: string;
    text: string;
  } | null;
}

export function buildEvidence(input: EvidenceInput): ProjectEvidence {
  const data = emptyEvidenceData();
  data.requestFollowingSettings = (input.requestFollowingSettings ?? []).filter(
    (fact) => !input.isTestFile(fact.file),
  );
  const code = new Map<string, Source>();
  const policies: EvidenceData['cookiePolicy'] = [];
  let policyInPipeline = false;
  for (const [file, text] of input.sources) {
    const language = languageOf(file);
    if (language === 'javascript' || language === 'python') code.set(file, new Source(file, text, language));
    // Go, PHP, Java and C# code are read for what a comment or a twin name says about plain HTTP, Go for a
    // server that serves HTTPS only when configured and C# for its cookie policy; the other detectors know
    // JavaScript and Python idioms alone.
    else if (language && !input.isTestFile(file)) {
      const source = new Source(file, text, language);
      data.plainHttp.push(...findPlainHttp(source));
      data.optionalTls.push(...findOptionalTls(source));
      policies.push(...findCookiePolicy(source));
      policyInPipeline ||= usesCookiePolicy(source);
      data.forcedSecure.push(...findForcedSecure(source));
    }
  }
  // Options of a middleware that never runs raise nothing.
  if (policyInPipeline) data.cookiePolicy.push(...policies);
  const templates: Source[] = [];
  const manifests: Array<{ source: Source; kind: NonNullable<ReturnType<typeof manifestKind>> }> = [];
  const deploy: Source[] = [];
  const builds: Source[] = [];
  for (const [file, text] of input.extras) {
    const kind = evidenceFileKind(file);
    if (kind === 'template') templates.push(new Source(file, text, 'template'));
    else if (kind === 'deploy') deploy.push(new Source(file, text, 'deploy'));
    else if (kind === 'build') builds.push(new Source(file, text, 'build'));
    else if (kind === 'manifest')
      manifests.push({ source: new Source(file, text, 'manifest'), kind: manifestKind(file)! });
  }

  for (const source of code.values()) {
    data.frameworks.push(...frameworksImported(source));
    if (input.isTestFile(source.file)) continue;
    if (source.kind === 'javascript') data.readers.push(...findReaders(source));
    data.proxyTrust.push(...findProxyTrust(source));
    data.proxyHints.push(...findProxyHints(source));
    data.plainHttp.push(...findPlainHttp(source));
    data.optionalTls.push(...findOptionalTls(source));
    data.moot.push(...findMootSettings(source));
  }
  for (const source of templates) {
    if (!input.isTestFile(source.file)) data.readers.push(...findReaders(source));
  }
  // A test set-up's proxy (`scripts/test-environments/…/compose.yml`) says nothing of how the app is run.
  for (const source of deploy.filter((deployment) => !NOT_A_DEPLOYMENT.test(deployment.file))) {
    data.proxyTrust.push(...findProxyTrust(source));
    data.proxyHints.push(...findProxyHints(source));
  }
  data.plainHttp.push(...findHttpOnlyProxy(deploy));
  const shippedCode = [...code.values()].filter((source) => !input.isTestFile(source.file));
  const projectNames = manifests.flatMap(({ source, kind }) => manifestProjectName(source, kind) ?? []);
  data.plainHttp.push(...findPublishedHttpPort(deploy, shippedCode, projectNames));
  for (const source of builds)
    if (!input.isTestFile(source.file)) data.devOnly.push(...findBuildExclusions(source));
  let localTool: EvidenceFact | null = null;
  const packageFolders = [
    ...new Set(
      manifests
        .filter(({ source, kind }) => kind !== 'requirements' && !input.isTestFile(source.file))
        .map(({ source }) => folderOf(source.file)),
    ),
  ];
  data.packageFolders = packageFolders;
  for (const { source, kind } of manifests) {
    data.manifestsRead[manifestLanguage(kind)] = true;
    data.frameworks.push(...frameworksInManifest(source, kind));
    if (!localTool && !input.isTestFile(source.file)) localTool = declaresCommand(source, kind);
  }
  data.switches = findTransportSwitches({
    sites: input.sites,
    sources: code,
    deploy,
    isTestFile: input.isTestFile,
    loadImport: (fromFile, specifier, language) => {
      const found = input.loadImport?.(fromFile, specifier, language);
      if (!found) return null;
      return code.get(found.file) ?? new Source(found.file, found.text, language);
    },
  });
  const servers = findHttpOnlyServer({
    sources: shippedCode,
    isLocalTool: localTool,
    toolPackage: localTool ? packageOf(folderOf(localTool.file), packageFolders) : undefined,
    behindProxy: data.proxyTrust.some((fact) => fact.enabled) || data.proxyHints.length > 0,
    hasTlsOption: data.optionalTls.length > 0,
    expressProxyTrust: data.proxyTrust.find((fact) => fact.enabled && fact.framework === 'express') ?? null,
  });
  data.plainHttp.push(...servers.plainHttp);
  data.optionalTls.push(...servers.optionalTls);
  return makeEvidence(data);
}

function folderOf(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash < 0 ? '' : file.slice(0, slash);
}

/** The package a manifest's folder holds: its files, less the nested packages that have a manifest of their own. */
function packageOf(folder: string, packageFolders: readonly string[]): { folder: string; except: string[] } {
  const inside = (other: string) => other !== folder && (folder === '' || other.startsWith(`${folder}/`));
  return { folder, except: packageFolders.filter(inside) };
}

/** Where a manifest installs a command (`bin`, console scripts): the project is a tool run locally. */
function declaresCommand(
  source: Source,
  kind: NonNullable<ReturnType<typeof manifestKind>>,
): EvidenceFact | null {
  const pattern =
    kind === 'package.json'
      ? /"bin"\s*:/
      : kind === 'pyproject'
        ? /^\[(?:project\.scripts|tool\.poetry\.scripts)\]/m
        : kind === 'setup'
          ? /console_scripts/
          : null;
  const match = pattern?.exec(source.text);
  return match
    ? source.fact(match.index, `\`${snippet(match[0])}\` in ${source.file} installs a command`)
    : null;
}
