// Finding and reading the repository configuration file (the only file read outside the scan itself): a
// link, a FIFO, a folder or a huge file there is refused with a message, never followed or read.
import { lstatSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { DEFAULT_CONFIG, type Config } from '../config.js';
import { DEFAULT_CONFIG_PATH, parseConfigFile } from '../config-file.js';
import { UsageError } from '../errors.js';
import { RULES } from '../rules/index.js';
import { readRegularFile } from './read-file.js';

const MAX_CONFIG_BYTES = 256 * 1024;
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * The names a config file has in a folder: the repository's own place under `.github/`, and beside the code
 * for a package of a monorepo (`packages/api/cookie-hardener.yml`), where a `.github/` folder would be odd.
 */
const CONFIG_NAMES: readonly string[] = [DEFAULT_CONFIG_PATH, 'cookie-hardener.yml'];

export interface LoadedConfig {
  config: Config;
  /** The file used, as shown in messages (relative to the scanned folder), or null for the defaults. */
  file: string | null;
}

/**
 * `explicit` (a path the person named, relative to `cwd`) must exist. Otherwise the nearest config file is
 * used, looking in the scanned folder and then each folder above it up to the repository root (the folder
 * holding `.git`); a folder outside any repository is the only one looked in. The defaults when none is found.
 */
export function loadConfigFile(folder: string, explicit: string | null, cwd: string): LoadedConfig {
  if (explicit !== null)
    return { config: readConfig(folder, resolve(cwd, explicit), explicit), file: explicit };
  for (const candidate of foldersToRepositoryRoot(resolve(folder))) {
    const paths = CONFIG_NAMES.map((name) => join(candidate, name));
    // A linked `.github` is refused before anything behind it is looked at, file or not.
    for (const path of paths) refuseLinkedFolder(candidate, path, shownPath(folder, path));
    const found = paths.filter(exists);
    if (found.length === 0) continue;
    const shown = found.map((path) => shownPath(folder, path));
    if (found.length > 1) {
      throw new UsageError(`two config files in one folder: ${shown.join(' and ')}; keep one`);
    }
    return { config: readConfig(candidate, found[0]!, shown[0]!), file: shown[0]! };
  }
  return { config: DEFAULT_CONFIG, file: null };
}

/** The configuration alone (see loadConfigFile). */
export function loadConfig(folder: string, explicit: string | null, cwd: string): Config {
  return loadConfigFile(folder, explicit, cwd).config;
}

function refuseLinkedFolder(base: string, path: string, shown: string): void {
  const linked = linkedFolderOnTheWay(base, path);
  if (linked !== null) {
    throw new UsageError(`${shown}: the config file is refused: ${linked} is a symbolic link (not followed)`);
  }
}

function readConfig(base: string, path: string, shown: string): Config {
  refuseLinkedFolder(base, path, shown);
  const read = readRegularFile(path, MAX_CONFIG_BYTES);
  if ('skip' in read) {
    if (read.code === 'ENOENT') throw new UsageError(`cannot read the config file ${shown}: ENOENT`);
    throw new UsageError(`${shown}: the config file is refused: ${read.skip}`);
  }
  let text: string;
  try {
    text = decoder.decode(read.bytes);
  } catch {
    throw new UsageError(`${shown}: the config file is not valid UTF-8`);
  }
  return parseConfigFile(
    shown,
    text,
    RULES.map((rule) => rule.meta.id),
  );
}

/** The folder, then each parent up to the one holding `.git`; only the folder when no parent holds one. */
function foldersToRepositoryRoot(folder: string): string[] {
  const folders: string[] = [];
  for (let current = folder; ; current = dirname(current)) {
    folders.push(current);
    if (exists(join(current, '.git'))) return folders;
    if (dirname(current) === current) return [folder];
  }
}

/** Present in any form: a link or a FIFO where the file should be is found, then refused by the read. */
function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function shownPath(folder: string, path: string): string {
  return relative(resolve(folder), path).split(sep).join('/');
}

/**
 * The first folder between `base` and the config file that is a link (the checked-out code can make
 * `.github` one, pointing anywhere), or null. Opening the file with O_NOFOLLOW guards only its last
 * component. A file outside `base` was named by the person running the tool; only its last component is
 * checked.
 */
function linkedFolderOnTheWay(base: string, path: string): string | null {
  const inside = relative(resolve(base), path);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  const parts = inside.split(sep).slice(0, -1);
  let current = resolve(base);
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
