// Files the CLI writes (the `--output` report, the baseline): whole or not at all, through the action's
// writer (a temporary file beside the target, then a rename; never through a link).
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { writeOutputFile } from '../action/output-file.js';
import { UsageError } from '../errors.js';

/** Writes `content` to `path` (relative to the current folder); its folder must exist. */
export function writeReportFile(label: string, path: string, content: string): string {
  const folder = dirname(resolve(path));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new UsageError(`${label} ${JSON.stringify(path)} is not written: its folder does not exist`);
  }
  return writeOutputFile(label, path, content, [folder]);
}

/** Writes `content` to `root/inside`, creating the folders on the way (a link among them is refused). */
export function writeProjectFile(label: string, root: string, inside: string, content: string): string {
  return writeOutputFile(label, resolve(root, inside), content, [root]);
}
