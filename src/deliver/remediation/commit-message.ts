// The remediation commit's message: a first line people may choose, the tool's own explanation, and the
// trailer last, where `git interpret-trailers` and people looking for the tool's commits find it. Ownership
// never rests on the message (plan.ts decides it by account and SHA), so any subject is safe to use.
import { COMMIT_TRAILER } from './plan.js';

/**
 * The first line: the title when nothing is set; the input as written; or, when it ends with `:` (a
 * conventional-commit prefix such as `fix(security):`), the prefix followed by the title. After a prefix the
 * title's first letter is lowered unless its first word is an acronym: commitlint's conventional preset
 * refuses a sentence-case subject ("fix: Harden …").
 */
export function commitSubject(input: string | null, title: string): string {
  if (input === null) return title;
  if (!input.endsWith(':')) return input;
  return `${input} ${title.replace(/^(\p{Lu})(?=\p{Ll})/u, (first) => first.toLowerCase())}`;
}

export function commitMessage(subject: string, fileCount: number): string {
  return [
    subject,
    '',
    `Adds the missing HttpOnly / Secure cookie flags in ${fileCount} file${fileCount === 1 ? '' : 's'}; the pull request explains each change.`,
    '',
    COMMIT_TRAILER,
  ].join('\n');
}
