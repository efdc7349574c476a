// The one comment verify keeps on the remediation pull request: what the latest deployment showed. It is found
// again by its hidden marker, and only among the token's own comments (anyone can paste a marker), so each
// deployment edits it instead of adding another.
import type { HostIdentity } from '../deliver/github/identity.js';
import { isSelf } from '../deliver/github/identity.js';
import type { HostComment } from '../deliver/github/repo-host.js';
import { codeSpan } from '../report/escape.js';
import type { CookieVerdict, DeploymentStamp, ItemVerdict } from './checklist-ticks.js';
import { renderVerifyMarkdown } from './render.js';
import { shownUrlText } from './http.js';
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

function flagWords(verdict: CookieVerdict): string {
  const words = verdict.cookie.flags.map((flag) =>
    flag === 'httpOnly'
      ? 'HttpOnly'
      : flag === 'secure'
        ? 'Secure'
        : verdict.cookie.sameSite === undefined
          ? 'SameSite'
          : `SameSite=${verdict.cookie.sameSite}`,
  );
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1) ?? ''}`;
}

/** One line per cookie the checklist names (however many items name it), worst first. */
function cookieLines(items: readonly ItemVerdict[]): string[] {
  const verdicts = new Map<string, CookieVerdict>();
  for (const verdict of items.flatMap((item) => item.cookies)) {
    verdicts.set(
      JSON.stringify([verdict.cookie.name, verdict.cookie.flags, verdict.cookie.sameSite]),
      verdict,
    );
  }
  const order = { fail: 0, unseen: 1, pass: 2 } as const;
  return [...verdicts.values()]
    .sort((a, b) => order[a.result] - order[b.result])
    .map((verdict) => {
      const name = codeSpan(verdict.cookie.name);
      if (verdict.result === 'pass') return `- ${ICON.pass} ${name} has ${flagWords(verdict)}.`;
      if (verdict.result === 'unseen')
        return `- ${ICON.unseen} ${name} was not set by the requests verify made (a \`verify-scenario\` step can reach its route).`;
      return `- ${ICON.fail} ${name} lacks ${verdict.missing.join(' and ')}: the deployment sent ${verdict.failing.map(codeSpan).join(', ')}.`;
    });
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
    `The deployment of ${codeSpan(stamp.sha.slice(0, 7))}${environment}, checked at ${codeSpan(shownUrlText(url))}: ${countWords(items)} The items that passed are ticked in the description; a box a person ticked or unticked is left as they set it.`,
    '',
    ...cookieLines(items),
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
