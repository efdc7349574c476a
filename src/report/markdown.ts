// The Markdown analysis writeup: `cookie-hardener scan --format markdown`, the job summary, and the body of
// the remediation pull request. Same input, same output: findings are sorted and nothing time-dependent is
// printed, so an unchanged repository gives a byte-identical report (the PR updater relies on that).
import type { ScanResult } from '../model.js';
import type { Document, Shrinking } from './document.js';
import { renderDocument, renderDocumentWithin } from './document.js';
import { escapeText } from './escape.js';
import type { AnalysisContext } from './sections.js';
import { allSections, summaryParagraph } from './sections.js';
import type { AnalysisMode } from './wording.js';
import { sortFindings } from './wording.js';

export interface AnalysisOptions {
  title?: string;
  mode: AnalysisMode;
  /** `owner/name`: locations become links to the lines on GitHub. */
  repository?: string;
  /** Defaults to https://github.com (set GITHUB_SERVER_URL's value for GitHub Enterprise Server). */
  serverUrl?: string;
  /** Branch, tag or commit the links point at; defaults to `HEAD`, the default branch. */
  ref?: string;
  /** Upper bound on the result's length; the writeup is shortened to fit (see document.ts). */
  maxLength?: number;
}

const DEFAULT_TITLE = 'Cookie flag analysis';

/** Where the whole report is when a shortened one is shown: the action writes it to the job summary. */
function fullReportPointer(mode: AnalysisMode): string {
  return mode === 'pr'
    ? "the full report is in the workflow run's job summary"
    : 'run `cookie-hardener scan --format markdown` for the full report';
}

function buildAnalysis(
  result: ScanResult,
  options: AnalysisOptions,
): { document: Document; shrinking: Shrinking } {
  const context: AnalysisContext = {
    findings: sortFindings(result.findings),
    mode: options.mode,
    link: {
      ...(options.repository === undefined ? {} : { repository: options.repository }),
      serverUrl: options.serverUrl ?? 'https://github.com',
      ref: options.ref ?? 'HEAD',
    },
    fullReport: fullReportPointer(options.mode),
  };
  const title = `## ${escapeText(options.title ?? DEFAULT_TITLE)}`;
  const document: Document = {
    opening: [title, summaryParagraph(context, result.changes, result.skipped)],
    sections: allSections(context, result),
  };
  const shrinking: Shrinking = {
    detailDropped: `_Per-finding detail is left out to fit the length limit; ${context.fullReport}._`,
    nothingFits: `_The report is too long to show here; ${context.fullReport}._`,
  };
  return { document, shrinking };
}

export function renderAnalysis(result: ScanResult, options: AnalysisOptions): string {
  const { document, shrinking } = buildAnalysis(result, options);
  return options.maxLength === undefined
    ? renderDocument(document, shrinking)
    : renderDocumentWithin(document, shrinking, options.maxLength);
}
