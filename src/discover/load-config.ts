// Finding and reading the repository configuration file (the only file read outside the scan itself): a
// link, a FIFO, a folder or a huge file there is refused with a message, never followed or read.
import { lstatSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
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
  const path = explicit !== null ? resolve(cwd, explicit) : join(folder, DEFAULT_CONFIG_PATH);
  const linked = linkedFolderOnTheWay(folder, path);
  if (linked !== null) {
    throw new UsageError(`${shown}: the config file is refused: ${linked} is a symbolic link (not followed)`);
  }
  const read = readRegularFile(path, MAX_CONFIG_BYTES);
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

/**
 * The first folder between the scanned folder and the config file that is a link (the checked-out code can
 * make `.github` one, pointing anywhere), or null. Opening the file with O_NOFOLLOW guards only its last
 * component. A file outside the scanned folder was named by the person running the tool; only its last
 * component is checked.
 */
function linkedFolderOnTheWay(folder: string, path: string): string | null {
  const inside = relative(resolve(folder), path);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  const parts = inside.split(sep).slice(0, -1);
  let current = resolve(folder);
  for (let index = 0; index < parts.length; index++) {
    current = join(current, parts[index]!);
    try {
      if (lstatSync(current).isSymbolicLink()) return parts.slice(0, index + 1).join('/');
    } catch {
      return null; // missing: the read says so
    }
  }
  return null;
}
