// docs/rules.md, generated from the rules' own metadata and an example taken from each rule's fixtures, so
// the documentation cannot drift from what the code does.
import type { RuleMeta } from '../rules/rule.js';

export interface RuleExample {
  /** A unified-diff hunk showing one fix, or null when the rule only reports. */
  diff: string | null;
  /** File extension of the example, for the code fence's language. */
  language: string;
}

const DEFAULT_WORDS = { off: 'off', on: 'on', auto: 'automatic (on for HTTPS requests)' } as const;

export function renderRulesDoc(rules: ReadonlyArray<{ meta: RuleMeta; example: RuleExample }>): string {
  const lines = [
    '# Rules',
    '',
    '_Generated from the rules in `src/rules/` and their fixtures in `test/rules/` by `npm run docs`; a test fails when',
    'this file is stale._',
    '',
    'Each rule knows one cookie API and what it does when a flag is omitted. A missing flag is only reported where',
    'the default leaves it off; an explicit `false` is always reported; values decided at run time are reported as',
    'conditional and never rewritten. CWE-1004 is a sensitive cookie without HttpOnly, CWE-614 one without Secure.',
    'SameSite (CWE-1275) is enforced only when the configuration turns it on (`flags: [httpOnly, secure, sameSite]`);',
    "then every rule adds its API's spelling of the key (`sameSite`, `samesite`, `isSameSite`, `SESSION_COOKIE_SAMESITE`),",
    'except where the framework already sends SameSite by default.',
    '',
    '| rule | framework | language | HttpOnly when omitted | Secure when omitted | CWE |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const { meta } of rules) {
    lines.push(
      `| [\`${meta.id}\`](#${meta.id}) | ${meta.framework} | ${meta.language} | ${meta.clientSide ? 'impossible (browser API)' : DEFAULT_WORDS[meta.defaults.httpOnly]} | ${DEFAULT_WORDS[meta.defaults.secure]} | ${cweOf(meta)} |`,
    );
  }
  for (const { meta, example } of rules) {
    lines.push('', `## ${meta.id}`, '', `**API:** \`${meta.api}\` (${meta.framework}, ${meta.language})`, '');
    lines.push(meta.description, '');
    lines.push(
      `- **Defaults when omitted:** HttpOnly ${meta.clientSide ? 'cannot be set from browser code' : DEFAULT_WORDS[meta.defaults.httpOnly]}; Secure ${DEFAULT_WORDS[meta.defaults.secure]}.`,
    );
    lines.push(`- **What is reported:** ${reportedWhat(meta)}`);
    lines.push(`- **CWE:** ${cweOf(meta)}`);
    if (meta.neverAddSecure) {
      lines.push(
        '- **Never adds `secure: true`:** the framework throws on requests it sees as plain HTTP (behind a TLS-terminating proxy without the proxy setting), so a missing Secure is left to a person.',
      );
    }
    if (example.diff) {
      lines.push('', 'Example fix (from the rule’s fixtures):', '', '```diff', example.diff.trimEnd(), '```');
    } else {
      lines.push('', 'This rule reports; it does not change code.');
    }
  }
  return `${lines.join('\n')}\n`;
}

function cweOf(meta: RuleMeta): string {
  return meta.clientSide ? 'CWE-614' : 'CWE-1004, CWE-614';
}

function reportedWhat(meta: RuleMeta): string {
  const parts: string[] = [];
  for (const [flag, label] of [
    ['httpOnly', 'HttpOnly'],
    ['secure', 'Secure'],
  ] as const) {
    if (flag === 'httpOnly' && meta.clientSide) continue;
    parts.push(
      meta.defaults[flag] === 'off'
        ? `${label} missing or false`
        : `${label} explicitly false (a missing key is fine)`,
    );
  }
  return `${parts.join('; ')}.`;
}
