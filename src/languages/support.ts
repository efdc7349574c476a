// What the scan needs from a language: its prefilter stages and an analyzer that parses candidate files and
// runs the language's rules on them. `scan.ts` loops over the registry (languages/registry.ts) and never asks
// which language a file is in; a new language is a support module, its rules and their fixtures.
import type { Config } from '../config.js';
import type { SiteWithRule } from '../fix/plan.js';
import type { Language, SkippedFile } from '../model.js';
import type { IgnoreSource } from '../rules/ignore.js';

/** What one pass of the scan has found; the analyzers add to it. */
export interface Analysis {
  sites: SiteWithRule[];
  texts: Map<string, string>;
  parsed: number;
  skipped: SkippedFile[];
  /** Syntax errors the parser recovered from, per parsed file; a fix may never add to them. */
  errorCounts: Map<string, number>;
  /** Files the parser gave up on, with its message. */
  parseFailures: Map<string, string>;
  /** Sources read only because they may hold a server setting (proxy trust, TLS): never parsed. */
  settingTexts: Map<string, string>;
}

export interface AnalyzerContext {
  analysis: Analysis;
  config: Config;
  /** Every file of the scan, for import resolution. */
  fileSet: ReadonlySet<string>;
  /** A file's text, kept in `analysis.texts`; null when it cannot be read. */
  readText(file: string): string | null;
  /** A file's text, not kept: a look at a file that may turn out not to matter. */
  peek(file: string): string | null;
}

export interface LanguageAnalyzer {
  /** Sees the bytes of every file of the language in the first stage, related or not: cheap tests only. */
  see?(file: string, content: Buffer | string): void;
  /** A file that passed both prefilter stages, or that must be analysed whatever it says. */
  add(file: string, text: string): void;
  /** A configuration file the language's rules read (CherryPy `.conf`, PasteDeploy `.ini`). */
  addConfig?(file: string, text: string): void;
  /** What needs every file first (settings declared in one module and read in another). */
  finish(): void;
  /** The parsed module that holds `file`, for `cookie-hardener-ignore` comments; null when none is. */
  ignoreSource(file: string): IgnoreSource | null;
}

export interface LanguageSupport {
  id: Language;
  /** The first stage, on raw bytes: whether a file says any word of the language's rules. */
  mentionsApi(content: Buffer | string): boolean;
  /** The second stage: whether every rule word of a file sits in comments (or docstrings). */
  onlyInProse(file: string, text: string): boolean;
  /** Configuration files the language's rules read, which are not source files of any language. */
  isConfigFile?(file: string): boolean;
  createAnalyzer(context: AnalyzerContext): LanguageAnalyzer;
  /**
   * What must be ready before a scan with files in the language can run synchronously (a WebAssembly
   * parser's compilation), or null when it is ready; awaited only when such files are listed.
   */
  prepare?(): Promise<void> | null;
}

/** A file the analysis could not finish is skipped with the reason; one bad file never stops a scan. */
export function unanalysable(error: unknown): string {
  if (error instanceof RangeError && /call stack/i.test(error.message)) return 'nested too deeply to analyse';
  return `could not be analysed (${error instanceof Error ? error.message : String(error)})`;
}
