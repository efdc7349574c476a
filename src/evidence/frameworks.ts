// Framework presence: which frameworks the project really uses, from its dependency manifests and from the
// imports of the sources the scan read. One fact per framework and manifest, and per framework and file.
import { posix } from 'node:path';
import { frameworksOfModule, frameworksOfPackage, FRAMEWORKS, normalizePyPiName } from './framework-ids.js';
import type { Source } from './source.js';
import type { FrameworkFact } from './types.js';

export type ManifestKind = 'package.json' | 'requirements' | 'pyproject' | 'setup' | 'pipfile';

/** Which manifest a file is, from its name; null for other files. */
export function manifestKind(file: string): ManifestKind | null {
  const name = posix.basename(file);
  if (name === 'package.json') return 'package.json';
  if (
    /^requirements[\w.-]*\.(?:txt|in)$/i.test(name) ||
    /(?:^|\/)requirements\/[\w.-]+\.(?:txt|in)$/i.test(file)
  )
    return 'requirements';
  if (name === 'pyproject.toml') return 'pyproject';
  if (name === 'setup.py' || name === 'setup.cfg') return 'setup';
  if (name === 'Pipfile') return 'pipfile';
  return null;
}

export function manifestLanguage(kind: ManifestKind): 'javascript' | 'python' {
  return kind === 'package.json' ? 'javascript' : 'python';
}

const JS_DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

/** Framework facts from one manifest. */
export function frameworksInManifest(source: Source, kind: ManifestKind): FrameworkFact[] {
  const facts: FrameworkFact[] = [];
  const seen = new Set<string>();
  const add = (framework: string, name: string, at: number): void => {
    if (seen.has(framework)) return;
    seen.add(framework);
    facts.push({
      ...source.fact(at, `\`${name}\` is a dependency in ${source.file}`),
      framework,
      source: 'manifest',
    });
  };
  if (kind === 'package.json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(source.text);
    } catch {
      return facts;
    }
    if (!parsed || typeof parsed !== 'object') return facts;
    for (const field of JS_DEPENDENCY_FIELDS) {
      const dependencies = (parsed as Record<string, unknown>)[field];
      if (!dependencies || typeof dependencies !== 'object') continue;
      for (const name of Object.keys(dependencies)) {
        for (const framework of frameworksOfPackage('javascript', name)) {
          add(framework, name, Math.max(0, source.text.indexOf(`"${name}"`)));
        }
      }
    }
    return facts;
  }
  // Python manifests: every known package name is looked for as a requirement's name.
  const names = new Set(
    Object.values(FRAMEWORKS)
      .filter((entry) => entry.language === 'python')
      .flatMap((entry) => entry.packages),
  );
  const requirement =
    /(?:^|["'\s,[=])([A-Za-z0-9][A-Za-z0-9._-]*)(?=\s*(?:\[[^\]]*\])?\s*(?:[<>=!~;@,"'\]]|$|\s*=\s*["'{]))/gm;
  for (let match = requirement.exec(source.text); match; match = requirement.exec(source.text)) {
    const name = normalizePyPiName(match[1]!);
    if (!names.has(name)) continue;
    if (!looksLikeRequirement(source.text, match.index, kind)) continue;
    for (const framework of frameworksOfPackage('python', name))
      add(framework, match[1]!, match.index + match[0].indexOf(match[1]!));
  }
  return facts;
}

/** Rejects names outside a dependency list (a pyproject `name = "flask-app"` is not a requirement). */
function looksLikeRequirement(text: string, at: number, kind: ManifestKind): boolean {
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const line = text.slice(lineStart, text.indexOf('\n', at) === -1 ? text.length : text.indexOf('\n', at));
  if (/^\s*#/.test(line)) return false;
  if (kind === 'requirements') return true;
  if (/^\s*(?:name|description|version|packages|module|url|author)\s*=/.test(line)) return false;
  return true;
}

const JS_IMPORT =
  /\bfrom\s*['"]([^'"\n]+)['"]|\brequire\(\s*['"]([^'"\n]+)['"]\s*\)|\bimport\(\s*['"]([^'"\n]+)['"]\s*\)|^\s*import\s*['"]([^'"\n]+)['"]/gm;
const PY_IMPORT =
  /^[ \t]*(?:from[ \t]+([A-Za-z_][\w.]*)[ \t]+import\b|import[ \t]+([A-Za-z_][\w.]*(?:[ \t]*,[ \t]*[A-Za-z_][\w.]*)*))/gm;

/** Framework facts from the imports of one source file. */
export function frameworksImported(source: Source): FrameworkFact[] {
  const facts: FrameworkFact[] = [];
  const seen = new Set<string>();
  const language = source.kind === 'python' ? 'python' : 'javascript';
  const pattern = language === 'python' ? PY_IMPORT : JS_IMPORT;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(source.text); match; match = pattern.exec(source.text)) {
    const specifiers = (match[1] ?? match[2] ?? match[3] ?? match[4] ?? '')
      .split(',')
      .map((part) => part.trim());
    for (const specifier of specifiers) {
      if (!specifier || specifier.startsWith('.')) continue;
      for (const framework of frameworksOfModule(language, specifier)) {
        if (seen.has(framework)) continue;
        seen.add(framework);
        const at = match.index + (match[0].length - match[0].trimStart().length);
        facts.push({
          ...source.fact(at, `${source.file} imports \`${specifier}\``),
          framework,
          source: 'import',
        });
      }
    }
  }
  return facts;
}
