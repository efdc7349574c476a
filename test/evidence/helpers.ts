// Runs a whole scan over in-memory files and returns the evidence index that reached planFixes.
import { DEFAULT_CONFIG } from '../../src/config.js';
import { looksMinified } from '../../src/discover/read-file.js';
import { evidenceFileKind } from '../../src/evidence/files.js';
import type { ProjectEvidence } from '../../src/evidence/types.js';
import { languageOf } from '../../src/languages/index.js';
import { scanFiles } from '../../src/scan.js';

export const seen: { evidence: ProjectEvidence[] } = { evidence: [] };

/** Files split as discovery splits them: sources to scan, and templates / manifests / deploy files. */
export function scanProject(files: Record<string, string>): {
  evidence: ProjectEvidence;
  read: string[];
  skipped: string[];
} {
  seen.evidence = [];
  const read: string[] = [];
  const names = Object.keys(files).sort();
  const result = scanFiles({
    files: names.filter((file) => languageOf(file)),
    evidenceFiles: names.filter((file) => evidenceFileKind(file)),
    read: (file, mustMention) => {
      const text = files[file];
      if (text === undefined) return { skip: 'missing' };
      if (mustMention && !mustMention(Buffer.from(text, 'latin1'))) return { unrelated: true };
      // As readSourceFile does: a file that passes the filter may still be skipped.
      if (looksMinified(text)) return { skip: 'looks minified (very long lines)' };
      read.push(file);
      return { text };
    },
    config: DEFAULT_CONFIG,
  });
  const evidence = seen.evidence[0];
  if (!evidence) throw new Error('planFixes was not given any evidence');
  return { evidence, read, skipped: result.skipped.map((entry) => `${entry.file}: ${entry.reason}`) };
}
