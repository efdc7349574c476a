// File extension → language, in one place.
import type { Language } from '../model.js';

const EXTENSIONS: Record<string, Language> = {
  '.js': 'javascript',
  '.cjs': 'javascript',
  '.mjs': 'javascript',
  '.jsx': 'javascript',
  '.ts': 'javascript',
  '.cts': 'javascript',
  '.mts': 'javascript',
  '.tsx': 'javascript',
  '.py': 'python',
};

export function languageOf(file: string): Language | null {
  const dot = file.lastIndexOf('.');
  if (dot === -1 || file.endsWith('.d.ts')) return null;
  return EXTENSIONS[file.slice(dot).toLowerCase()] ?? null;
}

/** Files that never mention a cookie API are not parsed: this text test is far cheaper than a parse. */
export const COOKIE_API_MENTION = /cookie|session|isSecure|isHttpOnly|https_only/i;

export function isTestFile(file: string): boolean {
  return (
    /(^|\/)(test|tests|__tests__|spec|specs|__mocks__)\//.test(file) ||
    /\.(test|spec)\.[cm]?[jt]sx?$/.test(file) ||
    /(^|\/)(test_[^/]*|[^/]*_test|conftest)\.py$/.test(file)
  );
}
