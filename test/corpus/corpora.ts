// The corpora every machine has offline: the project's own node_modules (JS/TS), the Python standard library
// and, where Debian's packages are installed, the Go standard library (golang-go) and the PHP libraries under
// /usr/share/php (php-laravel-framework and the Symfony components it pulls in), C# sources unpacked from npm
// tarballs where they were, and a JDK's own sources where one ships its src.zip. Files are listed sorted, so a
// sample taken by stride is the same on every run of the same tree.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { languageOf } from '../../src/languages/index.js';

export interface Corpus {
  name: string;
  root: string;
  files: string[];
  /**
   * For a corpus kept in an archive: puts the files a run takes into a new temporary folder and returns it (the
   * run reads them there instead of under `root`, and removes the folder at its end).
   */
  extract?: (files: readonly string[]) => string;
}

export const NODE_MODULES = new URL('../../node_modules/', import.meta.url).pathname;

/** Regular files only: symlinks (node_modules/.bin) are not followed, so nothing is visited twice. */
function listFiles(root: string, keep: (file: string) => boolean, skipFolder: (name: string) => boolean) {
  const files: string[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!skipFolder(entry.name)) pending.push(path);
      } else if (entry.isFile()) {
        const file = relative(root, path).split(sep).join('/');
        if (keep(file)) files.push(file);
      }
    }
  }
  return files.sort();
}

export function javascriptCorpus(): Corpus {
  return {
    name: 'node_modules (JS/TS)',
    root: NODE_MODULES,
    files: listFiles(
      NODE_MODULES,
      (file) => languageOf(file) === 'javascript',
      () => false,
    ),
  };
}

/** The standard library without the third-party packages installed beside it. */
export function pythonCorpus(): Corpus | null {
  let root: string;
  try {
    root = execFileSync('python3', ['-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'], {
      encoding: 'utf8',
    }).trim();
  } catch {
    return null;
  }
  return {
    name: 'Python standard library',
    root,
    files: listFiles(
      root,
      (file) => file.endsWith('.py'),
      (name) => name === 'site-packages' || name === 'dist-packages' || name === '__pycache__',
    ),
  };
}

/** Where Debian's golang-go installs the standard library's sources (a symlink into /usr/share/go-1.xx). */
const DEBIAN_GO_SOURCES = '/usr/lib/go/src';

/** The Go standard library, tests included (`_test.go` files are scanned under another name, see scanName). */
export function goCorpus(): Corpus | null {
  if (!existsSync(DEBIAN_GO_SOURCES)) return null;
  return {
    name: 'Go standard library',
    root: DEBIAN_GO_SOURCES,
    files: listFiles(
      DEBIAN_GO_SOURCES,
      (file) => file.endsWith('.go'),
      // testdata holds inputs for the tests: deliberately broken files, golden outputs, other languages.
      (name) => name === 'testdata',
    ),
  };
}

/** Where Debian installs PHP libraries (PSR-4 trees: Illuminate/, Symfony/Component/, Doctrine/, …). */
const DEBIAN_PHP_LIBRARIES = '/usr/share/php';

/** Debian's PHP libraries; null unless Laravel's are among them, so a bare php-cli install does not count. */
export function phpCorpus(): Corpus | null {
  if (!existsSync(join(DEBIAN_PHP_LIBRARIES, 'Illuminate'))) return null;
  return {
    name: 'Debian PHP libraries (/usr/share/php)',
    root: DEBIAN_PHP_LIBRARIES,
    files: listFiles(
      DEBIAN_PHP_LIBRARIES,
      // Blade views (`.blade.php`) are templates the engine does not read as PHP.
      (file) => languageOf(file) === 'php',
      () => false,
    ),
  };
}

/**
 * C# sources unpacked from npm tarballs that ship them (`.ci/run` unpacks edge-js's there when it can): no
 * Debian package installs C# sources. `CSHARP_CORPUS` names another folder.
 */
export const CSHARP_SOURCES = process.env.CSHARP_CORPUS ?? '/tmp/cookie-hardener-csharp-corpus';

export function csharpCorpus(): Corpus | null {
  if (!existsSync(CSHARP_SOURCES)) return null;
  const files = listFiles(
    CSHARP_SOURCES,
    (file) => languageOf(file) === 'csharp',
    // .NET build output holds generated copies.
    (name) => name === 'bin' || name === 'obj',
  );
  return files.length === 0 ? null : { name: `C# sources (${CSHARP_SOURCES})`, root: CSHARP_SOURCES, files };
}

/**
 * Where Debian installs Ruby: the standard library, libraries packaged for it, and gems such as ruby-rack,
 * ruby-sinatra and ruby-actionpack (Rails' controllers and cookie jar) under rubygems-integration.
 */
const DEBIAN_RUBY_FOLDERS = ['lib/ruby/3.1.0', 'lib/ruby/vendor_ruby', 'share/rubygems-integration/all/gems'];

/** Debian's Ruby sources, under one root (/usr); null unless the standard library is there. */
export function rubyCorpus(): Corpus | null {
  const root = '/usr';
  if (!existsSync(join(root, DEBIAN_RUBY_FOLDERS[0]!))) return null;
  const files = DEBIAN_RUBY_FOLDERS.filter((folder) => existsSync(join(root, folder))).flatMap((folder) =>
    listFiles(
      join(root, folder),
      (file) => languageOf(file) === 'ruby',
      () => false,
    ).map((file) => `${folder}/${file}`),
  );
  return { name: "Debian's Ruby sources", root, files: files.sort() };
}

/** Every `stride`-th file, the stride chosen so about `size` files are kept. */
export function sample(files: readonly string[], size: number): string[] {
  const stride = Math.max(1, Math.ceil(files.length / size));
  return files.filter((_, index) => index % stride === 0);
}

/** Where JDKs are installed on Debian (its own packages, and Temurin's). */
const JDK_FOLDER = '/usr/lib/jvm';
/**
 * Debian's openjdk-17-jdk-headless links lib/src.zip to the file openjdk-17-source installs; without that
 * package the link dangles, and any other JDK's src.zip (Temurin ships one) serves.
 */
const DEBIAN_JDK_SOURCES = join(JDK_FOLDER, 'java-17-openjdk-amd64/lib/src.zip');

function jdkSourceZip(): string | null {
  const others = existsSync(JDK_FOLDER)
    ? readdirSync(JDK_FOLDER)
        .sort()
        .map((name) => join(JDK_FOLDER, name, 'lib/src.zip'))
    : [];
  // existsSync follows links, so a dangling one does not count.
  return [DEBIAN_JDK_SOURCES, ...others].find((zip) => existsSync(zip)) ?? null;
}

/**
 * The Java sources of every module of a JDK (java.base, java.desktop, java.net.http, jdk.httpserver, …), read from
 * its src.zip with Info-ZIP's unzip, which lists the archive without extracting it. Null without a src.zip or unzip.
 */
export function javaCorpus(): Corpus | null {
  const zip = jdkSourceZip();
  if (zip === null) return null;
  let listing: string;
  try {
    listing = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  } catch {
    return null;
  }
  const files = listing
    .split('\n')
    .filter((file) => file.endsWith('.java'))
    .sort();
  return {
    name: `JDK sources (${zip})`,
    root: zip,
    files,
    extract(chosen) {
      const folder = mkdtempSync(join(tmpdir(), 'cookie-hardener-jdk-'));
      // Every file at once by pattern; a sample by name (no JDK source file name holds a pattern character).
      const names = chosen.length === files.length ? ['*.java'] : chosen;
      execFileSync('unzip', ['-q', '-o', zip, ...names, '-d', folder], { stdio: 'ignore' });
      return folder;
    },
  };
}
