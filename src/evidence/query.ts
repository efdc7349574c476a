// Queries over the evidence data, indexed once so that each call from the policy is a map lookup.
import { groupBy } from '../group-by.js';
import { isIniFile } from '../languages/ini.js';
import { FRAMEWORKS } from './framework-ids.js';
import { inPackage } from './types.js';
import type {
  BrowserReader,
  CookiePolicyFact,
  DevOnlyFact,
  EvidenceData,
  ForcedSecureFact,
  MootFact,
  PlainHttpFact,
  ProjectEvidence,
  ProxyTrustFact,
  TransportSwitch,
  Tri,
} from './types.js';

export function emptyEvidenceData(): EvidenceData {
  return {
    readers: [],
    switches: [],
    proxyTrust: [],
    proxyHints: [],
    plainHttp: [],
    optionalTls: [],
    frameworks: [],
    manifestsRead: { javascript: false, python: false },
    moot: [],
    cookiePolicy: [],
    forcedSecure: [],
    devOnly: [],
    packageFolders: [],
    requestFollowingSettings: [],
  };
}

/** The package `file` belongs to: the deepest folder with a manifest that holds it, or null when none does. */
function packageOfFile(file: string, packageFolders: readonly string[]): string | null {
  let found: string | null = null;
  for (const folder of packageFolders) {
    const holds = folder === '' || file.startsWith(`${folder}/`);
    if (holds && (found === null || folder.length > found.length)) found = folder;
  }
  return found;
}

/** An index with no facts: every query answers "nothing seen" (and `uses` answers unknown). */
export function emptyEvidence(): ProjectEvidence {
  return makeEvidence(emptyEvidenceData());
}

export function makeEvidence(data: EvidenceData): ProjectEvidence {
  const readersByName = groupBy(data.readers, (reader) => reader.name);
  const plainByFile = groupBy(
    data.plainHttp.filter((fact) => fact.scope.kind === 'file' || fact.scope.kind === 'near'),
    (fact) => fact.file,
  );
  const plainProject = data.plainHttp.filter((fact) => fact.scope.kind === 'project');
  const plainPackage = data.plainHttp.filter((fact) => fact.scope.kind === 'package');
  const plainByCookie = groupBy(
    data.plainHttp.filter((fact) => fact.scope.kind === 'cookie'),
    (fact) => (fact.scope.kind === 'cookie' ? fact.scope.name : ''),
  );
  const proxyByFramework = groupBy(data.proxyTrust, (fact) => fact.framework);
  const used = new Set(data.frameworks.map((fact) => fact.framework));
  const mootByCookie = groupBy(data.moot, (fact) => fact.cookie);

  return {
    data,
    readersOf: (name: string): BrowserReader[] => readersByName.get(name) ?? [],
    plainHttpNear(file: string, offset: number, cookieName?: string): PlainHttpFact[] {
      const local = (plainByFile.get(file) ?? []).filter(
        (fact) =>
          fact.scope.kind === 'file' ||
          (fact.scope.kind === 'near' && offset >= fact.scope.start && offset < fact.scope.end),
      );
      // The twin itself (`sid-unsecure`) is asked about by its own name as well as by its base's.
      const base = cookieName?.replace(/[-_.](?:un|in)secure$/i, '');
      const twins =
        cookieName === undefined
          ? []
          : [
              ...new Set([
                ...(plainByCookie.get(cookieName) ?? []),
                ...(plainByCookie.get(base ?? '') ?? []),
              ]),
            ];
      const packaged = plainPackage.filter(
        (fact) => fact.scope.kind === 'package' && inPackage(fact.scope, file),
      );
      return [...local, ...twins, ...plainProject, ...packaged];
    },
    transportSwitchFor(file: string): TransportSwitch[] {
      // Configuration files are read by the Python frameworks only (CherryPy, Pyramid).
      // Ruby code has no switch the index reads: a JavaScript one would not be Ruby's to follow.
      if (/\.(?:rb|ru)$/.test(file)) return [];
      const language = /\.py$/.test(file) || isIniFile(file) ? 'python' : 'javascript';
      const usedHere = (entry: TransportSwitch): number =>
        entry.uses.some((use) => use.file === file) || entry.definition?.file === file ? 0 : 1;
      const ownPackage = packageOfFile(file, data.packageFolders);
      const samePackage = (entry: TransportSwitch): boolean =>
        ownPackage === null ||
        [...entry.uses, ...(entry.definition ? [entry.definition] : [])].some(
          (place) => packageOfFile(place.file, data.packageFolders) === ownPackage,
        );
      return data.switches
        .filter((entry) => entry.language === language && samePackage(entry))
        .sort((a, b) => usedHere(a) - usedHere(b));
    },
    proxyTrust: (framework?: string): ProxyTrustFact[] =>
      framework === undefined ? data.proxyTrust : (proxyByFramework.get(framework) ?? []),
    proxyHints: () => data.proxyHints,
    optionalTls: () => data.optionalTls,
    uses(framework: string): Tri {
      if (used.has(framework)) return 'yes';
      const language = FRAMEWORKS[framework]?.language;
      if (language && data.manifestsRead[language]) return 'no';
      return 'unknown';
    },
    moot: (cookie: MootFact['cookie']): MootFact[] => mootByCookie.get(cookie) ?? [],
    cookiePolicy: (framework: string): CookiePolicyFact[] =>
      (data.cookiePolicy ?? []).filter((fact) => fact.framework === framework),
    forcedSecure: (framework: string, file: string): ForcedSecureFact[] =>
      data.forcedSecure.filter(
        (fact) => fact.framework === framework && (fact.folder === '' || file.startsWith(`${fact.folder}/`)),
      ),
    devOnly: (file: string): DevOnlyFact[] =>
      data.devOnly.filter((fact) => file.startsWith(`${fact.folder}/`)),
  };
}
