// Every language the scan reads, in one list: `scan.ts` loops over it.
import type { Language } from '../model.js';
import { goSupport } from './go/support.js';
import { javaSupport } from './java/support.js';
import { javascriptSupport } from './javascript-support.js';
import { phpSupport } from './php/support.js';
import { pythonSupport } from './python-support.js';
import type { LanguageSupport } from './support.js';

export const LANGUAGES: readonly LanguageSupport[] = [
  javascriptSupport,
  pythonSupport,
  goSupport,
  phpSupport,
  javaSupport,
];

const BY_ID = new Map(LANGUAGES.map((support) => [support.id, support]));

export function supportOf(language: Language): LanguageSupport {
  const support = BY_ID.get(language);
  if (!support) throw new Error(`no language support registered for ${language}`);
  return support;
}

/** The language whose rules read a configuration file, or null. */
export function configLanguageOf(file: string): LanguageSupport | null {
  return LANGUAGES.find((support) => support.isConfigFile?.(file)) ?? null;
}
