// Folders a build script takes out of the tree before building hold development code (hedgedoc's mock API).
import { describe, expect, it } from 'vitest';
import { findBuildExclusions } from '../../src/evidence/build-exclusions.js';
import { evidenceFileKind } from '../../src/evidence/files.js';
import { Source } from '../../src/evidence/source.js';
import { scanProject as scan } from './scan-project.js';

/** The shape of hedgedoc's frontend/build.sh: the mock API is moved away unless a mock build is asked for. */
const BUILD_SH = `#!/bin/sh
set -e

cleanup () {
    if [ -d ../tmp/src/pages/api ]; then
        mv ../tmp/src/pages/api src/pages
    fi
}
trap cleanup EXIT

rm -rf dist/
if [ ! -z "\${NEXT_PUBLIC_USE_MOCK_API}" ]; then
    echo "Keeping Mock API"
else
    mkdir -p ../tmp/src/pages
    mv src/pages/api ../tmp/src/pages/
fi

BUILD_TIME=true next build
mv .next/standalone dist
rm -rf dist/frontend/src
`;

const MOCK_LOGIN = `import type { NextApiRequest, NextApiResponse } from 'next'

const handler = (req: NextApiRequest, res: NextApiResponse) => {
  res.status(200).setHeader('Set-Cookie', ['mock-session=1; Path=/']).json({})
}

export default handler
`;

describe('build scripts', () => {
  it.each([
    ['frontend/build.sh', 'build'],
    ['scripts/build-prod.sh', 'build'],
    ['deploy.sh', null],
    ['scripts/rebuild.sh', null],
  ])('%s is %s', (file, kind) => expect(evidenceFileKind(file)).toBe(kind));

  it('name the folders moved out of the app or deleted before the build, relative to the scanned root', () => {
    const facts = findBuildExclusions(new Source('frontend/build.sh', BUILD_SH, 'build'));
    expect(facts).toEqual([
      {
        file: 'frontend/build.sh',
        line: 11,
        fact: 'frontend/build.sh deletes `dist/` before it builds',
        folder: 'frontend/dist',
      },
      {
        file: 'frontend/build.sh',
        line: 16,
        fact: 'frontend/build.sh moves `src/pages/api` out of the app before it builds',
        folder: 'frontend/src/pages/api',
      },
    ]);
  });

  it('do not count a folder moved within the app, removed after the build, or named in a comment', () => {
    const script = [
      'mv src/legacy src/archive',
      '# rm -rf src/mocks',
      'npm run build',
      'rm -rf src/dev',
      '',
    ].join('\n');
    expect(findBuildExclusions(new Source('build.sh', script, 'build'))).toEqual([]);
  });
});

describe('a cookie set in a folder the build leaves out', () => {
  it('is reported as development code and not changed', () => {
    const result = scan({
      'frontend/build.sh': BUILD_SH,
      'frontend/src/pages/api/private/auth/local/login.ts': MOCK_LOGIN,
    });
    expect(result.findings.map((f) => [f.file, f.cookie, f.problems, f.outcome])).toEqual([
      [
        'frontend/src/pages/api/private/auth/local/login.ts',
        'mock-session',
        ['httpOnly-missing', 'secure-missing'],
        'manual',
      ],
    ]);
    expect(result.findings[0]!.notChangedReasons).toEqual([
      'development code is reported but not changed (turn on `fix-tests` to change it): frontend/build.sh moves `src/pages/api` out of the app before it builds (frontend/build.sh:16)',
    ]);
    expect(result.changes).toEqual([]);
  });

  it('is fixed as before when no build script takes the folder out', () => {
    const result = scan({ 'frontend/src/pages/api/private/auth/local/login.ts': MOCK_LOGIN });
    expect(result.findings.map((f) => f.outcome)).toEqual(['fixable']);
    expect(result.changes.map((change) => change.after)).toEqual([
      MOCK_LOGIN.replace("'mock-session=1; Path=/'", "'mock-session=1; Path=/; HttpOnly; Secure'"),
    ]);
  });
});
