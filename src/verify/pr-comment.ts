// The one comment verify keeps on the remediation pull request: what the latest deployment showed. It is found
// again by its hidden marker, and only among the token's own comments (anyone can paste a marker), so each
// deployment edits it instead of adding another.
import type { HostIdentity } from '../deliver/github/identity.js';
import { isSelf } from '../deliver/github/identity.js';
import type { HostComment } from '../deliver/github/repo-host.js';
import { codeSpan } from '../report/escape.js';
import type { DeploymentStamp, ItemVerdict } from './checklist-ticks.js';
import { renderVerifyMarkdown } from './render.js';
import type { VerifyReport } from './types.js';

export const VERIFY_COMMENT_MARKER = '<!-- cookie-hardener:verify -->';

/** GitHub refuses comments over 65,536 characters; the details go first when the report is that long. */
const MAX_COMMENT = 60_000;

export function findVerifyComment(
  comments: readonly HostComment[],
  identity: HostIdentity,
): HostComment | null {
  return (
    comments.find(
      (comment) => isSelf(comment.author, identity) && comment.body.includes(VERIFY_COMMENT_MARKER),
    ) ?? null
  );
}

const ICON = { pass: '✅', fail: '❌', unseen: '⚪' } as const;

function itemLine(item: ItemVerdict): string {
  const cookies = item.cookies.map((verdict) => {
    const flags = verdict.cookie.flags
      .map((flag) =>
        flag === 'httpOnly'
          ? 'HttpOnly'
          : flag === 'secure'
            ? 'Secure'
            : verdict.cookie.sameSite === undefined
              ? 'SameSite'
              : `SameSite=${verdict.cookie.sameSite}`,
      )
      .join(', ');
    const seen =
      verdict.result === 'fail'
        ? `: sent ${verdict.failing.map(codeSpan).join(', ')} (no ${verdict.missing.join(', no ')})`
        : verdict.result === 'unseen'
          ? ': not set by the requests verify made'
          : '';
    return `${codeSpan(verdict.cookie.name)} (${flags})${seen}`;
  });
  const box = item.ticked
    ? 'ticked'
    : item.check.everyHost && item.result === 'pass'
      ? 'left to check on every host'
      : 'not ticked';
  return `- ${ICON[item.result]} line ${item.line} of the description, ${box}: ${cookies.join('; ')}`;
}

function countWords(items: readonly ItemVerdict[]): string {
  if (items.length === 0)
    return "The description's checklist has no item verify can judge (items get their marker when the next sweep rewrites the description).";
  const passed = items.filter((item) => item.result === 'pass').length;
  const failed = items.filter((item) => item.result === 'fail').length;
  const unseen = items.length - passed - failed;
  const parts = [`**${passed} of ${items.length}** checklist item${items.length === 1 ? '' : 's'} passed`];
  if (failed > 0) parts.push(`${failed} failed`);
  if (unseen > 0) parts.push(`${unseen} could not be judged (cookie not set)`);
  return `${parts.join(', ')}.`;
}

export interface VerifyCommentInput {
  stamp: DeploymentStamp;
  url: string;
  items: readonly ItemVerdict[];
  report: VerifyReport;
}

export function renderVerifyComment(input: VerifyCommentInput): string {
  const { stamp, url, items, report } = input;
  const environment = stamp.environment === null ? '' : ` to ${codeSpan(stamp.environment)}`;
  const head = [
    VERIFY_COMMENT_MARKER,
    '### cookie-hardener verify',
    '',
    `The deployment of ${codeSpan(stamp.sha.slice(0, 7))}${environment}, checked at ${codeSpan(url)}: ${countWords(items)} The items that passed are ticked in the description; a box ticked by a person is left as it is.`,
    '',
    ...items.map(itemLine),
  ];
  const tail = ['', '_This comment is edited in place on each deployment of the remediation branch._', ''];
  const details = [
    '',
    '<details><summary>Every cookie the deployment set</summary>',
    '',
    renderVerifyMarkdown(report),
    '',
    '</details>',
  ];
  const full = [...head, ...details, ...tail].join('\n');
  if (full.length <= MAX_COMMENT) return full;
  return [...head, '', '_The full report is in the job summary of the workflow run._', ...tail].join('\n');
}
