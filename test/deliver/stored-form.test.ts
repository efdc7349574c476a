import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  blobSha,
  crlfToLf,
  gitStoredHasher,
  storedBytes,
  storedForm,
  workspaceStoredForm,
} from '../../src/deliver/stored-form.js';

const CRLF = Buffer.from('a = 1\r\nb = 2\r\n');
const LF = Buffer.from('a = 1\nb = 2\n');

describe('stored form (pure)', () => {
  it('normalises CRLF only', () => {
    expect(crlfToLf(Buffer.from('a\r\nb\rc\n'))).toEqual(Buffer.from('a\nb\rc\n'));
    expect(crlfToLf(LF)).toBe(LF);
  });

  it('finds the bytes with the id git would store, or none', () => {
    expect(storedBytes(CRLF, blobSha(LF))).toEqual(LF);
    expect(storedBytes(CRLF, blobSha(CRLF))).toEqual(CRLF);
    expect(storedBytes(CRLF, blobSha(Buffer.from('other')))).toBeNull();
  });

  it('matches and converts through the hasher it is given', () => {
    const lfStore = storedForm((_file, bytes) => blobSha(crlfToLf(bytes)));
    expect(lfStore.matches('a.js', CRLF, blobSha(LF))).toBe(true);
    expect(lfStore.content('a.js', CRLF)).toEqual(LF);
    const noGit = storedForm(() => null);
    expect(noGit.matches('a.js', CRLF, blobSha(LF))).toBe(false);
    expect(noGit.content('a.js', CRLF)).toBe(CRLF);
  });
});

describe('stored form from git', () => {
  function repository(attributes: string): string {
    const folder = mkdtempSync(join(tmpdir(), 'cookie-hardener-stored-'));
    execFileSync('git', ['init', '-q'], { cwd: folder });
    writeFileSync(join(folder, '.gitattributes'), attributes);
    return folder;
  }

  it('follows .gitattributes eol=crlf for the path asked about', () => {
    const folder = repository('*.js text eol=crlf\n');
    const hash = gitStoredHasher(folder);
    expect(hash('app.js', CRLF)).toBe(blobSha(LF));
    expect(hash('notes.bin', CRLF)).toBe(blobSha(CRLF));
    expect(workspaceStoredForm(folder).content('app.js', CRLF)).toEqual(LF);
  });

  it('takes bytes as they are outside a git work tree', () => {
    const folder = mkdtempSync(join(tmpdir(), 'cookie-hardener-nogit-'));
    const form = workspaceStoredForm(folder);
    expect(form.content('app.js', CRLF)).toEqual(CRLF);
    expect(form.matches('app.js', CRLF, blobSha(LF))).toBe(false);
  });
});
