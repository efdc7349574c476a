// The framework facts as the report reads them: those the rules' meta points at, or a neutral wording for a
// framework id no rule knows (findings read back from an older JSON report).
import { FRAMEWORK_FACTS, type FrameworkFacts } from '../rules/frameworks.js';
import { escapeText } from './escape.js';

export type FrameworkNotes = FrameworkFacts;

/** Wording used for ids the table does not know yet: true for every framework, claims nothing specific. */
function genericNotes(framework: string): FrameworkNotes {
  return {
    name: escapeText(framework),
    defaults: {},
    defaultBehaviour:
      "cookie-hardener has no notes on this library's defaults yet; the finding reports what the code itself leaves out.",
  };
}

export function frameworkNotes(framework: string): FrameworkNotes {
  return FRAMEWORK_FACTS[framework] ?? genericNotes(framework);
}
