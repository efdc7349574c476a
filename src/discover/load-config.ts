// Finding and reading the repository configuration file (the only file read outside the scan itself): a
// link, a FIFO, a folder or a huge file there is refused with a message, never followed or read.
import { join, resolve } from 'node:path';
import { DEFAULT_CONFIG, type Config } from '../config.js';
import { DEFAULT_CONFIG_PATH, parseConfigFile } from '../config-file.js';
import { UsageError } from '../errors.js';
import { RULES } from '../rules/index.js';
import { readRegularFile } from './read-file.js';

const MAX_CONFIG_BYTES = 256 * 1024;
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * `explicit` (a path the person named, relative to `cwd`) must exist; otherwise the folder's own
 * `.github/cookie-hardener.yml` is used when present, and the defaults when not.
 */
export function loadConfig(folder: string, explicit: string | null, cwd: string): Config {
  const ruleIds = RULES.map((rule) => rule.meta.id);
  const shown = explicit ?? DEFAULT_CONFIG_PATH;
  const read = readRegularFile(
    explicit !== null ? resolve(cwd, explicit) : join(folder, DEFAULT_CONFIG_PATH),
    MAX_CONFIG_BYTES,
  );
  if ('skip' in read) {
    if (read.code === 'ENOENT' && explicit === null) return DEFAULT_CONFIG;
    if (read.code === 'ENOENT') throw new UsageError(`cannot read the config file ${shown}: ENOENT`);
    throw new UsageError(`${shown}: the config file is refused: ${read.skip}`);
  }
  let text: string;
  try {
    text = decoder.decode(read.bytes);
  } catch {
    throw new UsageError(`${shown}: the config file is not valid UTF-8`);
  }
  return parseConfigFile(shown, text, ruleIds);
}
