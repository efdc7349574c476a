// Finding and reading the repository configuration file (the only file read outside the scan itself).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_CONFIG, type Config } from '../config.js';
import { DEFAULT_CONFIG_PATH, parseConfigFile } from '../config-file.js';
import { UsageError } from '../errors.js';
import { RULES } from '../rules/index.js';

/**
 * `explicit` (a path the person named, relative to `cwd`) must exist; otherwise the folder's own
 * `.github/cookie-hardener.yml` is used when present, and the defaults when not.
 */
export function loadConfig(folder: string, explicit: string | null, cwd: string): Config {
  const ruleIds = RULES.map((rule) => rule.meta.id);
  if (explicit !== null) {
    const path = resolve(cwd, explicit);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new UsageError(
        `cannot read the config file ${explicit}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
      );
    }
    return parseConfigFile(explicit, text, ruleIds);
  }
  const path = join(folder, DEFAULT_CONFIG_PATH);
  if (!existsSync(path)) return DEFAULT_CONFIG;
  return parseConfigFile(DEFAULT_CONFIG_PATH, readFileSync(path, 'utf8'), ruleIds);
}
