// The command that runs the project's own tests, for the pull request's checklist: read from the files that
// declare one (a package.json `test` script, a pytest configuration, Django's manage.py), never guessed. The
// reader is passed in, so the detection stays pure; the action reads from its workspace.

/** npm's placeholder script, which only fails: not a test command. */
const NPM_PLACEHOLDER = /no test specified/;

function npmRunner(read: (file: string) => string | null): string {
  if (read('pnpm-lock.yaml') !== null) return 'pnpm test';
  if (read('yarn.lock') !== null) return 'yarn test';
  return 'npm test';
}

function packageTest(read: (file: string) => string | null): string | null {
  const text = read('package.json');
  if (text === null) return null;
  try {
    const manifest = JSON.parse(text) as { scripts?: Record<string, unknown> };
    const script = manifest.scripts?.test;
    if (typeof script !== 'string' || script.trim() === '' || NPM_PLACEHOLDER.test(script)) return null;
    return npmRunner(read);
  } catch {
    return null;
  }
}

function pythonTest(read: (file: string) => string | null): string | null {
  if (read('pytest.ini') !== null) return 'pytest';
  if (/^\[tool\.pytest/m.test(read('pyproject.toml') ?? '')) return 'pytest';
  if (/^\[tool:pytest\]/m.test(read('setup.cfg') ?? '')) return 'pytest';
  if (/^\[pytest\]/m.test(read('tox.ini') ?? '')) return 'pytest';
  if (read('manage.py') !== null) return 'python manage.py test';
  return null;
}

/** `read` returns a file's text at the repository root, or null when there is none. */
export function detectTestCommand(read: (file: string) => string | null): string | undefined {
  return packageTest(read) ?? pythonTest(read) ?? undefined;
}
