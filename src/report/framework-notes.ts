// The framework facts as the report reads them: those the rules' meta points at, or a neutral wording for a
// framework id no rule knows (findings read back from an older JSON report); and each rule's defaults.
import type { Attribute, FlagDefault, Finding } from '../model.js';
import { FRAMEWORK_FACTS, type FrameworkFacts } from '../rules/frameworks.js';
import { RULES } from '../rules/index.js';
import { escapeText } from './escape.js';

export type FrameworkNotes = FrameworkFacts;

/** Wording used for ids the table does not know yet: true for every framework, claims nothing specific. */
function genericNotes(framework: string): FrameworkNotes {
  return {
    name: escapeText(framework),
    defaultBehaviour:
      "cookie-hardener has no notes on this library's defaults yet; the finding reports what the code itself leaves out.",
  };
}

export function frameworkNotes(framework: string): FrameworkNotes {
  return FRAMEWORK_FACTS[framework] ?? genericNotes(framework);
}

const METAS = new Map(RULES.map((rule) => [rule.meta.id, rule.meta]));

/**
 * What the finding's API does when a flag is left out, from its rule's meta; nothing for a rule no one knows,
 * and no HttpOnly in browser code, where it cannot be set at all.
 */
export function defaultsOf(finding: Finding): Partial<Record<Attribute, FlagDefault>> {
  const meta = METAS.get(finding.ruleId);
  if (!meta) return {};
  return meta.clientSide ? { secure: meta.defaults.secure } : { ...meta.defaults };
}

/** The finding's API runs in the browser, where HttpOnly cannot be set (its rule's meta says so). */
export function isBrowserCode(finding: Finding): boolean {
  return METAS.get(finding.ruleId)?.clientSide === true;
}
