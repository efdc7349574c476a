// `result-file` in `pr` and `report` modes: the small JSON an organisation sweep's job uploads. It is written
// whatever happens — a run that fails writes its error — so the dashboard can say which repository failed and
// why; only a job that never reaches the action leaves none.
import { isAbsolute, join } from 'node:path';
import type { ScanResult } from '../model.js';
import {
  countFindings,
  emptyCounts,
  RESULT_SCHEMA,
  type SweepMode,
  type SweepPullRequest,
  type SweepResult,
} from '../org/result.js';
import { VERSION } from '../version.js';
import { logInfo, logWarning } from './log.js';
import { writeOutputFile } from './output-file.js';
import { workspaceCommit } from './sweep-target.js';

export interface SweepRecorder {
  scanned(result: ScanResult): void;
  pullRequest(pull: SweepPullRequest | null): void;
  /** Writes the result of a run that got to the end (its gate may still fail the step). */
  finish(fixed: number): void;
  /** Writes the result of a run that failed, with the reason the log shows. */
  fail(reason: string): void;
}

export function sweepRecorder(options: {
  file: string | null;
  mode: string;
  repository: string | undefined;
  workspace: string;
  env: NodeJS.ProcessEnv;
  now?: () => number;
}): SweepRecorder | null {
  const { file, mode, repository, workspace, env } = options;
  if (file === null || (mode !== 'pr' && mode !== 'report') || !repository) return null;
  const now = options.now ?? Date.now;
  const started = now();
  let scan: ScanResult | null = null;
  let pull: SweepPullRequest | null = null;
  let written = false;
  const write = (status: SweepResult['status'], fixed: number, error: string | null) => {
    if (written) return;
    written = true;
    const result: SweepResult = {
      schema: RESULT_SCHEMA,
      repository,
      commit: workspaceCommit(workspace),
      toolVersion: VERSION,
      mode: mode as SweepMode,
      status,
      findings: scan ? countFindings(scan.findings) : emptyCounts(),
      fixed,
      pullRequest: pull,
      error,
      durationMs: Math.max(0, Math.round(now() - started)),
      finishedAt: new Date(now()).toISOString(),
    };
    const asked = isAbsolute(file) ? file : join(workspace, file);
    try {
      const path = writeOutputFile('result-file', asked, `${JSON.stringify(result, null, 2)}\n`, [
        workspace,
        env.RUNNER_TEMP,
      ]);
      logInfo(`Sweep result written to ${path}`);
    } catch (failure) {
      logWarning(`Could not write the sweep result: ${(failure as Error).message}`);
    }
  };
  return {
    scanned: (result) => (scan = result),
    pullRequest: (value) => (pull = value),
    finish: (fixed) => write('swept', fixed, null),
    fail: (reason) => write('failed', 0, reason),
  };
}
