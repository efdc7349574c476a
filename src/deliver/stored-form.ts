// A checked-out file is not always the bytes git stores: `eol=crlf` in .gitattributes, `core.autocrlf=true`
// (Windows runners) and clean filters change them on the way in. Comparing the working file with a blob on
// GitHub, or committing the fixed working text through the API, must go through the same normalisation, or
// every file "differs" from the base and a commit would rewrite every line ending. Git itself says what the
// stored form is (`git hash-object --path`); the pure part below finds the bytes that match it.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';

/** Git's object id of a blob with these bytes. */
export function blobSha(bytes: Buffer): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** Every CRLF as LF: what git's end-of-line conversion stores for a text file. */
export function crlfToLf(bytes: Buffer): Buffer {
  const text = bytes.toString('latin1');
  return text.includes('\r\n') ? Buffer.from(text.replace(/\r\n/g, '\n'), 'latin1') : bytes;
}

/**
 * The bytes to store for working-tree bytes, given the blob id git would store them as: the bytes unchanged
 * or with CRLF normalised, whichever has that id; null when neither (a filter we cannot reproduce).
 */
export function storedBytes(worktree: Buffer, storedSha: string): Buffer | null {
  for (const candidate of [worktree, crlfToLf(worktree)]) {
    if (blobSha(candidate) === storedSha) return candidate;
  }
  return null;
}

/** Asks git for the blob id of working-tree bytes at a path, after its own filters; null without git. */
export type StoredHasher = (file: string, bytes: Buffer) => string | null;

export function gitStoredHasher(workspace: string): StoredHasher {
  let available = true;
  return (file, bytes) => {
    if (!available) return null;
    try {
      return execFileSync('git', ['hash-object', `--path=${file}`, '--stdin'], {
        cwd: workspace,
        input: bytes,
        stdio: ['pipe', 'pipe', 'ignore'],
      })
        .toString()
        .trim();
    } catch {
      available = false; // not a git work tree, or no git: the bytes are taken as they are
      return null;
    }
  };
}

export interface StoredForm {
  /** Whether the working-tree bytes of `file` are the blob `sha` once git has normalised them. */
  matches(file: string, worktree: Buffer, sha: string): boolean;
  /** The bytes to commit for new working-tree text of `file`, or null when git's form cannot be found. */
  content(file: string, worktree: Buffer): Buffer | null;
  /** The blob id git stores working-tree bytes of `file` as (the plain blob id without git). */
  sha(file: string, worktree: Buffer): string;
}

export function storedForm(hash: StoredHasher): StoredForm {
  return {
    matches(file, worktree, sha) {
      if (blobSha(worktree) === sha) return true;
      return hash(file, worktree) === sha;
    },
    content(file, worktree) {
      const sha = hash(file, worktree);
      return sha === null ? worktree : storedBytes(worktree, sha);
    },
    sha(file, worktree) {
      return hash(file, worktree) ?? blobSha(worktree);
    },
  };
}

/** The stored form as the workspace's git sees it. */
export function workspaceStoredForm(workspace: string): StoredForm {
  return storedForm(gitStoredHasher(workspace));
}
