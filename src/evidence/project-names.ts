// The names a project publishes itself under, read from its manifests: a compose file that runs an image of
// that name runs the project's own release, the way its install instructions do.
import type { ManifestKind } from './frameworks.js';
import type { Source } from './source.js';

const NAME_PATTERNS: Partial<Record<ManifestKind, RegExp>> = {
  'package.json': /^\s*"name"\s*:\s*"(?:@[\w.-]+\/)?([\w.-]+)"/m,
  pyproject: /^name\s*=\s*["']([\w.-]+)["']/m,
  setup: /\bname\s*=\s*["']?([\w.-]+)/,
};

/** The project's name in one manifest, lower-cased, or null. */
export function manifestProjectName(source: Source, kind: ManifestKind): string | null {
  const found = NAME_PATTERNS[kind]?.exec(source.text);
  return found?.[1] ? found[1].toLowerCase() : null;
}
