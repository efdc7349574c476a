// A project given as path → text, scanned as discovery would list it: sources by language (and the
// configuration files a language's rules read), evidence files by kind.
import { DEFAULT_CONFIG } from '../../src/config.js';
import { evidenceFileKind } from '../../src/evidence/files.js';
import { languageOf } from '../../src/languages/index.js';
import { configLanguagesOf } from '../../src/languages/registry.js';
import { scanFiles } from '../../src/scan.js';

export function scanProject(files: Record<string, string>) {
  const names = Object.keys(files).sort();
  return scanFiles({
    files: names.filter((file) => languageOf(file) || configLanguagesOf(file).length > 0),
    evidenceFiles: names.filter((file) => evidenceFileKind(file)),
    read: (file) => (files[file] === undefined ? { skip: 'missing' } : { text: files[file] }),
    config: DEFAULT_CONFIG,
  });
}
