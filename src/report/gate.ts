// `fail-on`, shared by the action's gate and the CLI's exit code: which findings count against a run, and
// the sentence that tells a person why the run passed or failed.
import type { FailOn } from '../action/inputs.js';
import type { Finding } from '../model.js';
import { isWeak } from './console.js';
import { plural } from './wording.js';

export interface GateCount {
  /** The findings `fail-on` looks at (weak ones, or every open one for `any`) outside the baseline. */
  counted: Finding[];
  /** Findings that would be counted but are in the baseline. */
  baselined: Finding[];
  /** True when the run fails: `fail-on` is not `none` and something is counted. */
  fails: boolean;
}

/**
 * `weak`: weak cookies still open; `any`: every finding still open; `none`: never fails (the weak ones are
 * still counted, for the sentence). Open means not ignored, not fixed, and not handled by this run.
 */
export function countForGate(
  failOn: FailOn,
  findings: readonly Finding[],
  handled: ReadonlySet<Finding> = new Set(),
): GateCount {
  const open = findings.filter(
    (finding) => finding.outcome !== 'ignored' && finding.outcome !== 'fixed' && !handled.has(finding),
  );
  const looked = failOn === 'any' ? open : open.filter(isWeak);
  const counted = looked.filter((finding) => finding.baselined !== true);
  const baselined = looked.filter((finding) => finding.baselined === true);
  return { counted, baselined, fails: failOn !== 'none' && counted.length > 0 };
}

/** One line for the text report: what was counted, under which `fail-on`, and the exit code it gives. */
export function exitSentence(failOn: FailOn, count: GateCount): string {
  const exit = `exit ${count.fails ? 1 : 0}`;
  const n = count.counted.length;
  const counted =
    failOn === 'any' ? plural(n, 'finding', 'findings') : plural(n, 'weak finding', 'weak findings');
  const inBaseline =
    count.baselined.length > 0 ? ` outside the baseline (${count.baselined.length} in it)` : '';
  const policy = failOn === 'weak' ? '' : `; fail-on ${failOn}`;
  if (n === 0) return `No ${failOn === 'any' ? 'findings' : 'weak findings'}${inBaseline}${policy}: ${exit}.`;
  const fixable = count.counted.filter((finding) => finding.outcome === 'fixable').length;
  const who =
    fixable === 0
      ? ' for a human'
      : fixable === n
        ? ', fixable with `cookie-hardener fix`'
        : ` (${fixable} fixable with \`cookie-hardener fix\`, ${n - fixable} for a human)`;
  return `${counted} left${inBaseline}${who}${policy}: ${exit}.`;
}
