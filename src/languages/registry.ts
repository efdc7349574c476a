// Every language the scan reads, in one list: `scan.ts` loops over it.
import type { Language } from '../model.js';
import { languageOf } from './index.js';
import { csharpSupport } from './csharp/support.js';
import { goSupport } from './go/support.js';
import { javaSupport } from './java/support.js';
import { javascriptSupport } from './javascript-support.js';
import { phpSupport } from './php/support.js';
import { pythonSupport } from './python-support.js';
import { rubySupport } from './ruby/support.js';
import type { LanguageSupport } from './support.js';

export const LANGUAGES: readonly LanguageSupport[] = [
  javascriptSupport,
  pythonSupport,
  goSupport,
  phpSupport,
  javaSupport,
  csharpSupport,
  rubySupport,
];

const BY_ID = new Map(LANGUAGES.map((support) => [support.id, support]));

export function supportOf(language: Language): LanguageSupport {
  const support = BY_ID.get(language);
  if (!support) throw new Error(`no language support registered for ${language}`);
  return support;
}

/** The languages whose rules read a configuration file. */
export function configLanguagesOf(file: string): LanguageSupport[] {
  return LANGUAGES.filter((support) => support.isConfigFile?.(file));
}

/**
 * Readies the parsers of the languages `files` are in; every entry point waits for it before it scans. Null
 * when nothing needs to be waited for, so that a scan without such languages stays synchronous.
 */
export function languagesToPrepare(files: Iterable<string>): Promise<void> | null {
  const pending = new Set(LANGUAGES.filter((support) => support.prepare));
  const waits: Promise<void>[] = [];
  for (const file of files) {
    if (pending.size === 0) break;
    const language = languageOf(file);
    for (const support of pending) {
      if (support.id !== language && !support.isConfigFile?.(file)) continue;
      const wait = support.prepare!();
      if (wait) waits.push(wait);
      pending.delete(support);
    }
  }
  return waits.length === 0 ? null : Promise.all(waits).then(() => undefined);
}

export async function prepareLanguages(files: Iterable<string>): Promise<void> {
  await languagesToPrepare(files);
}
