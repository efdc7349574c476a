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

export function isNeverScannedFolder(name: string): boolean {
  return NEVER_SCANNED_FOLDERS.has(name);
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
