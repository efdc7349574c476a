// Reading a project's baseline and marking the findings it holds. The file lives in the checked-out code
// (in the action, possibly a fork's), so it is read like the config file: never through a link.
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { readRegularFile } from '../discover/read-file.js';
import { UsageError } from '../errors.js';
import type { Finding, ScanResult } from '../model.js';
import { BASELINE_PATH, parseBaseline } from './file.js';

const MAX_BASELINE_BYTES = 4 * 1024 * 1024;
const decoder = new TextDecoder('utf-8', { fatal: true });

/** The baseline's fingerprints under `root`, or null when the project has none. */
export function loadBaseline(root: string): string[] | null {
  const folder = BASELINE_PATH.slice(0, BASELINE_PATH.indexOf('/'));
  try {
    if (lstatSync(join(root, folder)).isSymbolicLink()) {
      throw new UsageError(
        `${BASELINE_PATH}: the baseline is refused: ${folder} is a symbolic link (not followed)`,
      );
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    return null; // no .github folder: no baseline
  }
  const read = readRegularFile(join(root, BASELINE_PATH), MAX_BASELINE_BYTES);
  if ('skip' in read) {
    if (read.code === 'ENOENT') return null;
    throw new UsageError(`${BASELINE_PATH}: the baseline is refused: ${read.skip}`);
  }
  let text: string;
  try {
    text = decoder.decode(read.bytes);
  } catch {
    throw new UsageError(`${BASELINE_PATH}: the baseline is not valid UTF-8`);
  }
  return parseBaseline(BASELINE_PATH, text);
}

/**
 * Every open finding gets `baselined`, true while the baseline still holds its fingerprint: each entry
 * covers one finding, so a second identical line added later is new. Without a baseline, unchanged.
 */
export function markBaselined(result: ScanResult, baseline: readonly string[] | null): ScanResult {
  if (baseline === null) return result;
  const left = new Map<string, number>();
  for (const fingerprint of baseline) left.set(fingerprint, (left.get(fingerprint) ?? 0) + 1);
  const findings = result.findings.map((finding): Finding => {
    if (finding.outcome === 'ignored') return finding;
    const remaining = left.get(finding.fingerprint) ?? 0;
    if (remaining > 0) left.set(finding.fingerprint, remaining - 1);
    return { ...finding, baselined: remaining > 0 };
  });
  return { ...result, findings };
}

/** What `cookie-hardener baseline` records: every finding not ignored in the code. */
export function baselineFingerprints(findings: readonly Finding[]): string[] {
  return findings.filter((finding) => finding.outcome !== 'ignored').map((finding) => finding.fingerprint);
}
