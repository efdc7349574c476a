// `mode: review` (pull_request events). Until inline review comments land, a pull request run reports
// the findings of the whole checkout as annotations and a job summary, like `mode: report`.
import * as core from '@actions/core';
import type { Finding, ScanResult } from '../model.js';
import { runReportMode, type ModeContext } from './run.js';

export async function runReviewMode(
  context: ModeContext,
): Promise<{ result: ScanResult; handled: Set<Finding> }> {
  core.notice(
    'Inline pull request reviews are not available in this version; reporting with annotations instead.',
  );
  const result = context.scan();
  context.reportScan(result);
  runReportMode(result, context.inputs, context.env);
  return { result, handled: new Set() };
}
