// SARIF 2.1.0 for GitHub code scanning (github/codeql-action/upload-sarif): rule metadata with CWE tags and
// security-severity, one result per finding with a stable partial fingerprint, paths relative to the repo.
import type { Finding, ScanResult, Severity } from '../model.js';
import { RULES } from '../rules/index.js';
import { VERSION } from '../version.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  high: 'error',
  medium: 'warning',
  low: 'note',
};
const CWE_OF: Record<string, string> = { httpOnly: 'CWE-1004', secure: 'CWE-614', sameSite: 'CWE-1275' };
const INFORMATION_URI = 'https://github.com/cookie-hardener/cookie-hardener';

export function renderSarif(result: ScanResult): string {
  const used = new Set(result.findings.map((finding) => finding.ruleId));
  const rules = RULES.filter((rule) => used.has(rule.meta.id)).map((rule) => rule.meta);
  const index = new Map(rules.map((meta, position) => [meta.id, position]));
  const document = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'cookie-hardener',
            version: VERSION,
            semanticVersion: VERSION,
            informationUri: INFORMATION_URI,
            rules: rules.map((meta) => ({
              id: meta.id,
              name: meta.id
                .split('-')
                .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
                .join(''),
              shortDescription: { text: `Cookie flags of ${meta.api}` },
              fullDescription: { text: meta.description.replace(/`/g, '') },
              help: {
                text: `${meta.description.replace(/`/g, '')} Default when omitted: HttpOnly ${meta.defaults.httpOnly}, Secure ${meta.defaults.secure}.`,
                markdown: `${meta.description}\n\nDefault when the option is omitted: HttpOnly **${meta.defaults.httpOnly}**, Secure **${meta.defaults.secure}**.`,
              },
              defaultConfiguration: { level: 'warning' },
              properties: {
                tags: ['security', 'external/cwe/cwe-1004', 'external/cwe/cwe-614', meta.framework],
                precision: 'high',
                'problem.severity': 'warning',
                'security-severity': '6.5',
              },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { uri: 'file:///' } },
        results: result.findings.map((finding) => sarifResult(finding, index.get(finding.ruleId) ?? 0)),
      },
    ],
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function sarifResult(finding: Finding, ruleIndex: number) {
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(finding.file), uriBaseId: '%SRCROOT%' },
          region: { startLine: finding.line, startColumn: finding.column },
        },
      },
    ],
    // The facts a decision rests on (a browser reader, a transport switch, a comment) as places to jump to.
    ...(finding.evidence.length > 0
      ? {
          relatedLocations: finding.evidence.map((item, id) => ({
            id,
            physicalLocation: {
              artifactLocation: { uri: encodeURI(item.file), uriBaseId: '%SRCROOT%' },
              region: { startLine: item.line },
            },
            message: { text: item.fact.replace(/`/g, '') },
          })),
        }
      : {}),
    partialFingerprints: { 'cookieHardener/v1': finding.fingerprint },
    // Only when the project has a baseline file: what it holds is `unchanged`, the rest `new`.
    ...(finding.baselined !== undefined ? { baselineState: baselineState(finding) } : {}),
    properties: {
      cookie: finding.cookie,
      problems: finding.problems,
      outcome: finding.outcome,
      evidence: finding.evidence.map(({ file, line, fact }) => ({ file, line, fact })),
      ...(finding.beforeMerging.length > 0 ? { beforeMerging: finding.beforeMerging } : {}),
      tags: [
        ...new Set(
          finding.problems.map((problem) => CWE_OF[problem.slice(0, problem.indexOf('-'))] ?? 'CWE-614'),
        ),
      ],
    },
    ...(finding.outcome === 'ignored'
      ? { suppressions: [{ kind: 'inSource', justification: finding.notChangedReasons.join('; ') }] }
      : {}),
  };
}

/** SARIF's word for a recorded line that gained a problem is `updated`: the result is known, its state is not. */
function baselineState(finding: Finding): 'unchanged' | 'updated' | 'new' {
  if (finding.baselined) return 'unchanged';
  return finding.problemsNewSinceBaseline?.length ? 'updated' : 'new';
}
