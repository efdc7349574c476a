// Paths cookie-hardener never scans or edits: dependencies, vendored copies, build output, minified files,
// and workflow files. Pure: decided from the path alone.

const NEVER_SCANNED_FOLDERS = new Set([
  '.git',
  'node_modules',
  'bower_components',
  'jspm_packages',
  'vendor',
  'vendors',
  'vendored',
  'third_party',
  'thirdparty',
  'third-party',
  'external',
  'externals',
  'site-packages',
  'dist-packages',
  '.venv',
  'venv',
  '.tox',
  '.nox',
  '__pypackages__',
  '.yarn',
  '.pnpm-store',
  'dist',
  'build',
  'out',
  '.next',
  '.nuxt',
  '.output',
  '.svelte-kit',
  '.vercel',
  '.netlify',
  'coverage',
  '.cache',
  '__pycache__',
  '.mypy_cache',
  '.pytest_cache',
]);

/**
 * Python projects often carry copies of their dependencies in ext/ or lib/ (with the framework itself
 * inside); a copy of a web framework's own package is never the project's code.
 */
const VENDORED_PYTHON_FOLDERS = new Set(['ext', 'lib', 'libs', '_vendor']);
const FRAMEWORK_PACKAGES = new Set([
  'tornado',
  'werkzeug',
  'flask',
  'django',
  'starlette',
  'aiohttp',
  'requests',
]);

/**
 * A web framework's own source inside the scanned tree (the Tornado repository, a copied-in Flask): its
 * cookie calls are the framework's plumbing, not the application's settings. Found by a file only the
 * framework's package has; everything under that package folder is left out.
 */
const FRAMEWORK_SIGNATURES = [
  'tornado/web.py',
  'flask/sessions.py',
  'werkzeug/sansio/response.py',
  'django/http/response.py',
  'starlette/responses.py',
  'aiohttp/web_response.py',
  'aiohttp_session/__init__.py',
];

export function frameworkSourceFolders(files: readonly string[]): string[] {
  const folders: string[] = [];
  for (const file of files) {
    if (!file.endsWith('.py')) continue;
    for (const signature of FRAMEWORK_SIGNATURES) {
      if (file === signature || file.endsWith(`/${signature}`)) {
        const base = file.slice(0, file.length - signature.length);
        folders.push(base + signature.slice(0, signature.indexOf('/') + 1));
      }
    }
  }
  return folders;
}

/** Packages that are only ever somebody else's code: two of them side by side mark a folder of copies. */
const THIRD_PARTY_PACKAGES = new Set([
  'requests',
  'urllib3',
  'certifi',
  'idna',
  'chardet',
  'charset_normalizer',
  'six',
  'dateutil',
  'pytz',
  'bs4',
  'yaml',
  'jinja2',
  'markupsafe',
  'cherrypy',
  'cheroot',
  'tornado',
  'werkzeug',
  'flask',
  'click',
  'websocket',
  'h11',
  'attr',
  'attrs',
  'packaging',
  'pkg_resources',
  'setuptools',
  'simplejson',
  'httplib2',
  'oauthlib',
  'jwt',
]);

/**
 * Whether `vendoredLibraryFolders` looks at a path: a package's `__init__.py` (a source file anyway) or a file
 * of an installed package's record folder, which has no source extension (`METADATA`, `RECORD`).
 */
export function isVendoredLibraryInput(file: string): boolean {
  return file.endsWith('/__init__.py') || /\.(?:dist|egg)-info\//.test(file);
}

/**
 * `lib/`, `libs/`, `ext/` or `_vendor/` folders that hold installed copies of dependencies (a `*.dist-info`
 * or `*.egg-info` record, or at least two well-known third-party packages): everything in them is
 * somebody else's code, neither scanned nor read as evidence of how the project is served.
 */
export function vendoredLibraryFolders(files: readonly string[]): string[] {
  const packages = new Map<string, Set<string>>();
  const found = new Set<string>();
  for (const file of files) {
    const segments = file.split('/');
    for (let index = 0; index < segments.length - 2; index++) {
      if (!VENDORED_PYTHON_FOLDERS.has(segments[index]!)) continue;
      const folder = `${segments.slice(0, index + 1).join('/')}/`;
      const child = segments[index + 1]!;
      if (/\.(?:dist|egg)-info$/.test(child)) found.add(folder);
      else if (THIRD_PARTY_PACKAGES.has(child) && segments[index + 2] === '__init__.py') {
        const seen = packages.get(folder) ?? new Set<string>();
        seen.add(child);
        packages.set(folder, seen);
        if (seen.size >= 2) found.add(folder);
      }
    }
  }
  return [...found];
}

export function isNeverScannedFolder(name: string): boolean {
  return NEVER_SCANNED_FOLDERS.has(name);
}

/**
 * The folder a built-in exclusion removes a file with: `folder` is the outermost one (what the report names),
 * `deepest` the index of the last excluded path segment (what an explicit `paths` entry must reach past to
 * scan the file anyway). Null for files removed one by one (minified, workflows) or not at all.
 */
export function excludedFolderOf(file: string): { folder: string; deepest: number } | null {
  const folders = file.split('/').slice(0, -1);
  const excluded = folders.flatMap((folder, index) => (NEVER_SCANNED_FOLDERS.has(folder) ? [index] : []));
  if (excluded.length === 0 && file.endsWith('.py')) {
    const vendorAt = folders.findIndex((folder) => VENDORED_PYTHON_FOLDERS.has(folder));
    if (vendorAt !== -1 && folders.slice(vendorAt + 1).some((folder) => FRAMEWORK_PACKAGES.has(folder)))
      excluded.push(vendorAt);
  }
  if (excluded.length === 0) return null;
  return { folder: `${folders.slice(0, excluded[0]! + 1).join('/')}/`, deepest: excluded.at(-1)! };
}

export function exclusionReason(file: string): string | null {
  const segments = file.split('/');
  const folders = segments.slice(0, -1);
  const name = segments.at(-1) ?? '';
  for (const folder of folders) {
    if (NEVER_SCANNED_FOLDERS.has(folder))
      return `inside ${folder}/ (dependencies, vendored or build output)`;
  }
  if (segments[0] === '.github' && segments[1] === 'workflows') return 'workflow files are never edited';
  if (/[.-]min\.[cm]?js$|\.bundle\.js$|\.chunk\.js$/.test(name)) return 'minified or bundled file';
  if (name.endsWith('.py')) {
    const vendorAt = folders.findIndex((folder) => VENDORED_PYTHON_FOLDERS.has(folder));
    if (vendorAt !== -1 && folders.slice(vendorAt + 1).some((folder) => FRAMEWORK_PACKAGES.has(folder))) {
      return `vendored copy of a library under ${folders.slice(0, vendorAt + 1).join('/')}/`;
    }
  }
  return null;
}
