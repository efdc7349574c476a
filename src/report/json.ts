// `--format json`: a fixed shape other tools (and our tests) read. Keys are only ever added, never renamed.
import type { ScanResult } from '../model.js';
import { isWeak } from './console.js';

export function renderJson(result: ScanResult): string {
  const document = {
    version: 1,
    findings: result.findings.map((finding) => ({
      ruleId: finding.ruleId,
      framework: finding.framework,
      file: finding.file,
      line: finding.line,
      column: finding.column,
      cookie: finding.cookie,
      problems: finding.problems,
      outcome: finding.outcome,
      severity: finding.severity,
      weak: isWeak(finding),
      message: finding.message,
      evidence: finding.evidence.map(({ file, line, fact }) => ({ file, line, fact })),
      beforeMerging: finding.beforeMerging,
      baselined: finding.baselined === true,
    })),
    skipped: result.skipped.map((entry) => ({ file: entry.file, reason: entry.reason })),
    stats: {
      filesListed: result.stats.filesListed,
      filesParsed: result.stats.filesParsed,
      ms: result.stats.ms,
    },
    // Every cookie site with the flags the code gives it (as fixed): what `verify --findings` expects live.
    cookies: (result.cookies ?? []).map((cookie) => ({
      names: cookie.names,
      ruleId: cookie.ruleId,
      framework: cookie.framework,
      file: cookie.file,
      line: cookie.line,
      kind: cookie.kind,
      expected: { httpOnly: cookie.expected.httpOnly, secure: cookie.expected.secure },
      reasons: cookie.reasons,
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
