// The fake's object database: a real bare git repository driven through plumbing commands.
//
// Keeping real git objects (instead of an in-memory imitation) means SHAs, trees, merge bases and diffs are
// exactly what GitHub would compute, and a test can inspect the bot's branch with `git log` / `git show`.
// Every command runs with an environment scrubbed of GIT_* variables and of the user's configuration, so a
// developer's global config, or a test run inside a git hook (which exports GIT_DIR / GIT_INDEX_FILE),
// cannot leak into the fake.

import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { splitUnifiedDiff } from './diff-hunks.js';

export const ZERO_SHA = '0000000000000000000000000000000000000000';
const SHA = /^[0-9a-f]{40}$/;

export type ObjectType = 'blob' | 'tree' | 'commit' | 'tag';

export interface GitIdentity {
  name: string;
  email: string;
  date: Date;
}

export interface CommitObject {
  sha: string;
  tree: string;
  parents: string[];
  author: GitIdentity;
  committer: GitIdentity;
  message: string;
}

export interface TreeEntry {
  path: string;
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
  /** Blob size in bytes; absent for trees and submodules. */
  size?: number;
}

/** One entry of a tree change, in the shape of GitHub's create-tree `tree[]` items. */
export interface TreeChange {
  path: string;
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  /** `null` deletes the path. */
  sha: string | null;
}

export type FileStatus = 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';

export interface FileChange {
  filename: string;
  previousFilename?: string;
  status: FileStatus;
  /** Blob SHA on the new side (the old blob for a removed file). */
  sha: string;
  additions: number;
  deletions: number;
  binary: boolean;
  /** The file's hunks from the first `@@` on; empty for binary files and pure renames. */
  patch: string;
}

export class GitCommandError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(`git ${args.join(' ')} exited with ${exitCode}: ${stderr.trim()}`);
  }
}

interface RunOptions {
  input?: string | Buffer;
  env?: Record<string, string>;
  /** Exit codes that are answers rather than failures (e.g. 1 from `merge-base --is-ancestor`). */
  okCodes?: readonly number[];
}

interface RunResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** A copy of the process environment without anything that could point git somewhere else. */
function isolatedEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('GIT_')) env[key] = value;
  }
  return {
    ...env,
    HOME: home,
    XDG_CONFIG_HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    LC_ALL: 'C',
  };
}

/** `Date` → git's internal date format, always in UTC so SHAs do not depend on the machine's zone. */
function gitDate(date: Date): string {
  return `@${Math.floor(date.getTime() / 1000)} +0000`;
}

function parseIdentity(text: string): GitIdentity {
  const match = /^(.*) <(.*)> (\d+) [+-]\d{4}$/.exec(text);
  if (!match) throw new Error(`unparseable identity line: ${text}`);
  return { name: match[1] ?? '', email: match[2] ?? '', date: new Date(Number(match[3]) * 1000) };
}

export class GitStore {
  private indexCounter = 0;

  private constructor(
    /** The bare repository (its GIT_DIR). */
    readonly path: string,
    private readonly scratch: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /** Creates an empty bare repository in a new temporary directory. */
  static async create(defaultBranch: string): Promise<GitStore> {
    const root = await mkdtemp(join(tmpdir(), 'fake-github-'));
    const path = join(root, 'repo.git');
    const scratch = join(root, 'scratch');
    const env = isolatedEnv(root);
    const store = new GitStore(path, scratch, env);
    await mkdir(scratch);
    await store.runIn(root, ['init', '--quiet', '--bare', `--initial-branch=${defaultBranch}`, path]);
    // No background gc while a test inspects the repository.
    await store.run(['config', 'gc.auto', '0']);
    return store;
  }

  /** Removes the repository and everything else created for it. */
  async destroy(): Promise<void> {
    await rm(join(this.path, '..'), { recursive: true, force: true });
  }

  /** Runs `git <args>` against the bare repository and returns stdout as text. */
  async git(args: readonly string[], options: RunOptions = {}): Promise<string> {
    return (await this.run(args, options)).stdout.toString('utf8');
  }

  private run(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
    return this.runIn(this.path, ['--git-dir', this.path, ...args], options);
  }

  private runIn(cwd: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
    return new Promise((resolve, reject) => {
      const input = options.input;
      const child = spawn('git', args, {
        cwd,
        env: { ...this.env, ...options.env },
        stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
      child.stderr?.on('data', (chunk: Buffer) => err.push(chunk));
      child.on('error', reject);
      child.on('close', (code) => {
        const result = {
          code: code ?? -1,
          stdout: Buffer.concat(out),
          stderr: Buffer.concat(err).toString('utf8'),
        };
        if (code === 0 || (code !== null && options.okCodes?.includes(code))) resolve(result);
        else reject(new GitCommandError(args, code, result.stderr));
      });
      if (child.stdin) {
        // A command that fails early closes its stdin; the exit code reports that, not an EPIPE.
        child.stdin.on('error', () => undefined);
        child.stdin.end(input);
      }
    });
  }

  // ---- objects ----

  async writeBlob(content: Buffer): Promise<string> {
    return (await this.git(['hash-object', '-w', '--stdin'], { input: content })).trim();
  }

  /** The type of an object given by its full SHA, or null when it does not exist. */
  async objectType(sha: string): Promise<ObjectType | null> {
    if (!SHA.test(sha)) return null;
    const result = await this.run(['cat-file', '-t', sha], { okCodes: [1, 128] });
    if (result.code !== 0) return null;
    return result.stdout.toString('utf8').trim() as ObjectType;
  }

  async readBlob(sha: string): Promise<Buffer | null> {
    if ((await this.objectType(sha)) !== 'blob') return null;
    return (await this.run(['cat-file', 'blob', sha])).stdout;
  }

  /** Resolves a commit SHA, branch name or full ref to the tree it names, or null. */
  async treeOf(treeish: string): Promise<string | null> {
    const result = await this.run(
      ['rev-parse', '--verify', '--quiet', '--end-of-options', `${treeish}^{tree}`],
      {
        okCodes: [1, 128],
      },
    );
    return result.code === 0 ? result.stdout.toString('utf8').trim() : null;
  }

  /** Resolves anything git can (SHA, abbreviated SHA, branch, full ref) to a commit SHA, or null. */
  async resolveCommit(commitish: string): Promise<string | null> {
    const result = await this.run(
      ['rev-parse', '--verify', '--quiet', '--end-of-options', `${commitish}^{commit}`],
      { okCodes: [1, 128] },
    );
    return result.code === 0 ? result.stdout.toString('utf8').trim() : null;
  }

  async readTree(tree: string, recursive: boolean): Promise<TreeEntry[]> {
    const args = ['ls-tree', '-l', '-z', ...(recursive ? ['-r', '-t'] : []), tree];
    const records = (await this.git(args)).split('\0').filter(Boolean);
    return records.map((record) => {
      const tab = record.indexOf('\t');
      const [mode = '', type = '', sha = '', size = '-'] = record.slice(0, tab).split(/\s+/);
      const entry: TreeEntry = { path: record.slice(tab + 1), mode, type: type as TreeEntry['type'], sha };
      if (size !== '-') entry.size = Number(size);
      return entry;
    });
  }

  /**
   * Writes a tree made of `base` (or nothing) with `changes` applied, through a throw-away index: the same
   * semantics as GitHub's create-tree with `base_tree` (nested paths create the directories they need; a
   * null SHA deletes; a `tree` entry replaces a whole directory).
   */
  async buildTree(base: string | null, changes: readonly TreeChange[]): Promise<string> {
    const index = join(this.scratch, `index-${process.pid}-${++this.indexCounter}`);
    const env = { GIT_INDEX_FILE: index };
    try {
      await this.run(['read-tree', ...(base ? [base] : ['--empty'])], { env });
      const records: string[] = [];
      const present = new Set((await this.git(['ls-files', '-z'], { env })).split('\0').filter(Boolean));
      const removeUnder = (prefix: string) => {
        for (const path of present) {
          if (path === prefix || path.startsWith(`${prefix}/`)) records.push(`0 ${ZERO_SHA}\t${path}`);
        }
      };
      for (const change of changes) {
        if (change.sha === null) {
          removeUnder(change.path);
        } else if (change.type === 'tree') {
          removeUnder(change.path);
          for (const entry of await this.readTree(change.sha, true)) {
            if (entry.type !== 'tree')
              records.push(`${entry.mode} ${entry.sha}\t${change.path}/${entry.path}`);
          }
        } else {
          // A file replacing a directory (or the reverse) must first clear what stood in its way.
          removeUnder(change.path);
          for (const path of present) {
            if (change.path.startsWith(`${path}/`)) records.push(`0 ${ZERO_SHA}\t${path}`);
          }
          records.push(`${change.mode} ${change.sha}\t${change.path}`);
        }
      }
      if (records.length > 0) {
        await this.run(['update-index', '-z', '--index-info'], { env, input: `${records.join('\0')}\0` });
      }
      return (await this.git(['write-tree'], { env })).trim();
    } finally {
      await rm(index, { force: true });
    }
  }

  async writeCommit(commit: {
    tree: string;
    parents: readonly string[];
    message: string;
    author: GitIdentity;
    committer: GitIdentity;
  }): Promise<string> {
    const env = {
      GIT_AUTHOR_NAME: commit.author.name,
      GIT_AUTHOR_EMAIL: commit.author.email,
      GIT_AUTHOR_DATE: gitDate(commit.author.date),
      GIT_COMMITTER_NAME: commit.committer.name,
      GIT_COMMITTER_EMAIL: commit.committer.email,
      GIT_COMMITTER_DATE: gitDate(commit.committer.date),
    };
    const parents = commit.parents.flatMap((parent) => ['-p', parent]);
    // The message goes in through stdin untouched: commit-tree does no cleanup there, like GitHub's API.
    return (await this.git(['commit-tree', commit.tree, ...parents], { env, input: commit.message })).trim();
  }

  async readCommit(sha: string): Promise<CommitObject | null> {
    if ((await this.objectType(sha)) !== 'commit') return null;
    const raw = await this.git(['cat-file', 'commit', sha]);
    const split = raw.indexOf('\n\n');
    const headers = (split === -1 ? raw : raw.slice(0, split)).split('\n');
    const commit: CommitObject = {
      sha,
      tree: '',
      parents: [],
      author: { name: '', email: '', date: new Date(0) },
      committer: { name: '', email: '', date: new Date(0) },
      message: split === -1 ? '' : raw.slice(split + 2),
    };
    for (const header of headers) {
      const space = header.indexOf(' ');
      const key = header.slice(0, space);
      const value = header.slice(space + 1);
      if (key === 'tree') commit.tree = value;
      else if (key === 'parent') commit.parents.push(value);
      else if (key === 'author') commit.author = parseIdentity(value);
      else if (key === 'committer') commit.committer = parseIdentity(value);
    }
    return commit;
  }

  // ---- refs ----

  /** The SHA a fully qualified ref (`refs/heads/main`) points at, or null. Exact names only. */
  async readRef(ref: string): Promise<string | null> {
    const result = await this.run(['show-ref', '--verify', '--hash', '--', ref], { okCodes: [1, 128] });
    return result.code === 0 ? result.stdout.toString('utf8').trim() : null;
  }

  async listRefs(prefix: string): Promise<{ ref: string; sha: string }[]> {
    const out = await this.git(['for-each-ref', '--format=%(refname) %(objectname)', prefix]);
    return out
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [ref = '', sha = ''] = line.split(' ');
        return { ref, sha };
      });
  }

  /** Moves (or creates) a ref. With `expected`, fails unless the ref still points there (ZERO_SHA: absent). */
  async updateRef(ref: string, sha: string, expected?: string): Promise<void> {
    await this.run(['update-ref', ref, sha, ...(expected === undefined ? [] : [expected])]);
  }

  async deleteRef(ref: string): Promise<void> {
    await this.run(['update-ref', '-d', ref]);
  }

  /** Whether a ref name is one git itself would accept. */
  async isValidRefName(ref: string): Promise<boolean> {
    return (await this.run(['check-ref-format', ref], { okCodes: [1] })).code === 0;
  }

  // ---- history ----

  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    const result = await this.run(['merge-base', '--is-ancestor', ancestor, descendant], { okCodes: [1] });
    return result.code === 0;
  }

  async mergeBase(a: string, b: string): Promise<string | null> {
    const result = await this.run(['merge-base', a, b], { okCodes: [1] });
    return result.code === 0 ? result.stdout.toString('utf8').trim() : null;
  }

  /** `git rev-list` of `revisions`, newest first (or oldest first with `reverse`), limited to `paths`. */
  async revList(
    revisions: readonly string[],
    options: { reverse?: boolean; paths?: string[] } = {},
  ): Promise<string[]> {
    const args = ['rev-list', ...(options.reverse ? ['--reverse'] : []), ...revisions, '--'];
    if (options.paths) args.push(...options.paths);
    return (await this.git(args)).split('\n').filter(Boolean);
  }

  /**
   * Merges `theirs` into `ours` without a work tree (`git merge-tree --write-tree`, git 2.38+).
   * Returns the merged tree, or null when the merge has conflicts.
   */
  async mergeTree(ours: string, theirs: string): Promise<string | null> {
    const result = await this.run(['merge-tree', '--write-tree', '--no-messages', ours, theirs], {
      okCodes: [1],
    });
    if (result.code !== 0) return null;
    return result.stdout.toString('utf8').split('\n')[0]?.trim() ?? null;
  }

  // ---- diffs ----

  /** The plain `git diff` text between two commits, as GitHub serves for `application/vnd.github.v3.diff`. */
  async diffText(base: string, head: string): Promise<string> {
    return this.git(['diff', '--no-color', '--no-ext-diff', '--no-textconv', '-M', base, head]);
  }

  /** Per-file changes between two commits, with rename detection, line counts and each file's hunks. */
  async diffFiles(base: string, head: string): Promise<FileChange[]> {
    const common = ['--no-color', '--no-ext-diff', '--no-textconv', '-M', base, head];
    const [raw, numstat, text] = await Promise.all([
      this.git(['diff', '--raw', '-z', '--no-abbrev', ...common]),
      this.git(['diff', '--numstat', '-z', ...common]),
      this.git(['diff', ...common]),
    ]);
    const counts = parseNumstat(numstat);
    const patches = splitUnifiedDiff(text).map((file) => file.patch);
    const files: FileChange[] = [];
    const fields = raw.split('\0');
    // --raw -z: ":<old mode> <new mode> <old sha> <new sha> <status>\0<path>\0[<new path>\0]"
    for (let i = 0; i < fields.length;) {
      const meta = fields[i++];
      if (!meta?.startsWith(':')) continue;
      const [, , oldSha = '', newSha = '', status = ''] = meta.slice(1).split(' ');
      const letter = status[0];
      const first = fields[i++] ?? '';
      const second = letter === 'R' || letter === 'C' ? (fields[i++] ?? '') : undefined;
      const filename = second ?? first;
      const count = counts[files.length] ?? { additions: 0, deletions: 0, binary: false };
      const change: FileChange = {
        filename,
        status: STATUS[letter ?? 'M'] ?? 'modified',
        sha: letter === 'D' ? oldSha : newSha,
        additions: count.additions,
        deletions: count.deletions,
        binary: count.binary,
        patch: count.binary ? '' : (patches[files.length] ?? ''),
      };
      if (second !== undefined) change.previousFilename = first;
      files.push(change);
    }
    return files;
  }

  // ---- seeding helpers ----

  /** Writes the files under `dir` (honouring its .gitignore files) as a tree; `.git` itself is skipped. */
  async treeFromDirectory(dir: string): Promise<string> {
    const index = join(this.scratch, `index-${process.pid}-${++this.indexCounter}`);
    const env = { GIT_INDEX_FILE: index };
    try {
      // Run from inside `dir` so the pathspec `.` means the whole directory.
      await this.runIn(dir, ['--git-dir', this.path, '--work-tree', dir, 'add', '--all', '--', '.'], { env });
      return (await this.git(['write-tree'], { env })).trim();
    } finally {
      await rm(index, { force: true });
    }
  }

  /** The bytes of `path` in `commitish`, or null when it does not exist there. */
  async readFile(commitish: string, path: string): Promise<Buffer | null> {
    const result = await this.run(['cat-file', 'blob', `${commitish}:${path}`], { okCodes: [128] });
    return result.code === 0 ? result.stdout : null;
  }
}

const STATUS: Record<string, FileStatus> = {
  A: 'added',
  D: 'removed',
  M: 'modified',
  R: 'renamed',
  C: 'copied',
  T: 'changed',
};

/** `--numstat -z` records: "<adds>\t<dels>\t<path>\0" or, for renames, "<adds>\t<dels>\t\0<old>\0<new>\0". */
function parseNumstat(text: string): { additions: number; deletions: number; binary: boolean }[] {
  const result: { additions: number; deletions: number; binary: boolean }[] = [];
  const fields = text.split('\0');
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i];
    if (!field) continue;
    const [adds = '', dels = '', path = ''] = field.split('\t');
    // An empty path means a rename/copy: the two names follow as separate fields.
    if (path === '') i += 2;
    const binary = adds === '-';
    result.push({ additions: binary ? 0 : Number(adds), deletions: binary ? 0 : Number(dels), binary });
  }
  return result;
}
