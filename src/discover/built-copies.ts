// Files a project's build makes or copies in (Django `collectstatic` output, hashed bundles, vendored
// libraries under static/): an edit there is lost at the next build or breaks the manifest that lists the
// hashes, so they are reported once, pointing at the source they come from when the tree holds it, and never
// edited. Pure: decided from the list of paths (builtCopies) or from the bytes already read (generatedReason).

/** What a Django project calls its STATIC_ROOT, besides any folder holding collectstatic's manifest. */
const COLLECTED_FOLDERS = new Set([
  'staticfiles',
  'static_root',
  'staticroot',
  'collected_static',
  'collectstatic',
  'static_collected',
]);
/** The first folder of a path named like a STATIC_ROOT: one regex test instead of splitting every path. */
const COLLECTED_FOLDER = new RegExp(`(?:^|/)(?:${[...COLLECTED_FOLDERS].join('|')})/`);
const MANIFEST = 'staticfiles.json';
/** A file Django's admin ships: a folder holding `admin/js/core.js` is collectstatic output. */
const ADMIN_MARKER = 'admin/js/core.js';

const SCRIPT = /\.(?:[cm]?js|jsx|[cm]?ts|tsx)$/;
/** `app.3f2a9c1b.js`, `main-4f2a9c1be0.js`: a content hash (hex, with a digit and a letter) before the extension. */
const HASHED = /^(.+?)[.-]([0-9a-f]{8,32})((?:\.min)?\.[cm]?js)$/;

function isHash(text: string): boolean {
  return /\d/.test(text) && /[a-f]/.test(text);
}

function folderOf(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash === -1 ? '' : file.slice(0, slash + 1);
}

/** Whether `builtCopies` looks at a path at all: a listing may drop every other path before calling it. */
export function isBuiltCopyInput(file: string): boolean {
  return SCRIPT.test(file) || file.endsWith(`/${MANIFEST}`) || file.endsWith(`/${ADMIN_MARKER}`);
}

/**
 * The built or vendored script files of a listing, each with the reason it is not edited. One pass to find
 * the collectstatic folders and index the scripts by name, one pass to judge each script.
 */
export function builtCopies(files: readonly string[]): Map<string, string> {
  const roots = new Set<string>();
  const scripts: string[] = [];
  for (const file of files) {
    // A marker at the top of the tree names no folder: taking the whole tree for collectstatic output would
    // hide every source in it.
    if (file.endsWith(`/${MANIFEST}`)) roots.add(folderOf(file));
    else if (file.endsWith(`/${ADMIN_MARKER}`)) {
      const root = file.slice(0, file.length - ADMIN_MARKER.length);
      if (!root.endsWith('contrib/admin/static/')) roots.add(root);
    } else if (SCRIPT.test(file)) scripts.push(file);
  }
  const rootOf = (file: string): string | null => {
    for (const root of roots) if (file.startsWith(root)) return root;
    const folder = COLLECTED_FOLDER.exec(file);
    return folder ? file.slice(0, folder.index + folder[0].length) : null;
  };

  const judged = new Map<
    string,
    { root: string | null; hashed: RegExpExecArray | null; vendored: boolean; unhashed: string }
  >();
  for (const file of scripts) {
    const name = file.slice(file.lastIndexOf('/') + 1);
    const hashedMatch = HASHED.exec(name);
    const hashed = hashedMatch && isHash(hashedMatch[2]!) ? hashedMatch : null;
    const root = rootOf(file);
    const vendored = /(?:^|\/)static\/(?:.+\/)?lib\//.test(file);
    if (root === null && !hashed && !vendored) continue;
    const inside = root === null ? file : file.slice(root.length);
    const unhashed = hashed ? `${folderOf(inside)}${hashed[1]}${hashed[3]}` : inside;
    judged.set(file, { root, hashed, vendored, unhashed });
  }
  const result = new Map<string, string>();
  // Most trees have no copy at all; when there are some, only the names they carry are worth indexing.
  if (judged.size === 0) return result;
  const wanted = new Set([...judged.values()].map(({ unhashed }) => copyStem(unhashed)));
  const sources = new Map<string, string[]>();
  for (const file of scripts) {
    if (judged.has(file)) continue;
    const stem = file.slice(file.lastIndexOf('/') + 1).replace(SCRIPT, '');
    if (!wanted.has(stem)) continue;
    const named = sources.get(stem);
    if (named) named.push(file);
    else sources.set(stem, [file]);
  }

  for (const [file, { root, hashed, vendored, unhashed }] of judged) {
    const source = sourceOf(unhashed, sources);
    if (source) result.set(file, `built copy of \`${source}\`; fix the source`);
    else if (root !== null) result.set(file, `collectstatic output under ${root}; not edited`);
    else if (hashed) result.set(file, 'generated (content-hashed build output); not edited');
    else if (vendored) result.set(file, 'vendored library copy under a static lib/ folder; not edited');
  }
  return result;
}

/**
 * The project file a copy was made from: same name (any script extension), sharing the longest run of
 * trailing folders with the copy's path (`js/app.js` ← `frontend/js/app.js`, `app/static/js/app.js`). Null
 * when none or when two candidates share it equally.
 */
function sourceOf(relative: string, sources: ReadonlyMap<string, string[]>): string | null {
  const segments = relative.split('/');
  const candidates = sources.get(copyStem(relative)) ?? [];
  let best: string | null = null;
  let bestScore = -1;
  let tie = false;
  for (const candidate of candidates) {
    const theirs = candidate.split('/');
    let score = 0;
    while (
      score < segments.length - 1 &&
      score < theirs.length - 1 &&
      theirs[theirs.length - 2 - score] === segments[segments.length - 2 - score]
    )
      score++;
    // A Django app's own `static/` folder is where collectstatic copies from.
    const djangoApp = theirs.slice(0, theirs.length - 1 - score).at(-1) === 'static' ? 0.5 : 0;
    const total = score + djangoApp;
    if (total > bestScore) {
      best = candidate;
      bestScore = total;
      tie = false;
    } else if (total === bestScore) tie = true;
  }
  return tie ? null : best;
}

/** The name a copy's source has, without folders and extension (`js/app.min.js` → `app`). */
function copyStem(relative: string): string {
  return relative
    .slice(relative.lastIndexOf('/') + 1)
    .replace(/(?:\.min)?\.[cm]?jsx?$/, '')
    .replace(SCRIPT, '');
}

/** Bundler runtimes that only generated files contain. */
const BUNDLER_RUNTIME =
  /__webpack_require__|webpackChunk|\/\*{6}\/|\(function\(\)\{function r\(e,n,t\)|\/\*! For license information please see|__vitePreload|parcelRequire|System\.register\(/;
const SOURCE_MAP = /\n\/\/# sourceMappingURL=\S+\s*$/;
const COMPILED =
  /Object\.defineProperty\(exports, ["']__esModule["']|\/\*#__PURE__\*\/|\bexports\.__esModule\b/;
/** `/*! jquery v3.7.1 | (c) OpenJS Foundation | jquery.org/license *\/`, `@license React v18.2.0`. */
const LIBRARY_BANNER = /^\s*(?:(['"])use strict\1;?\s*)?\/\*(!|\*?)([\s\S]{0,1200}?)\*\//;

/** Why the text of a script is generated or a library's copy, from the bytes already read; null when neither. */
export function generatedReason(text: string): string | null {
  if (BUNDLER_RUNTIME.test(text)) return 'generated bundle (bundler output); not edited';
  if (SOURCE_MAP.test(text.slice(-400)) && COMPILED.test(text)) {
    return 'compiled output with a source map; fix the source it was built from';
  }
  // A project's own header may name a version and a licence too; a library's banner is kept by minifiers
  // (`/*!`) or says `@license`.
  const banner = LIBRARY_BANNER.exec(text.slice(0, 1500));
  const body = banner?.[3] ?? '';
  const preserved = banner?.[2] === '!' || /@license\b/.test(body);
  if (
    preserved &&
    /\bv?\d+\.\d+\.\d+\b/.test(body) &&
    /@license|licen[cs]ed?\b|\(c\)|copyright|\bMIT\b/i.test(body)
  ) {
    return 'vendored library (its header names a version and a licence); not edited';
  }
  return null;
}
