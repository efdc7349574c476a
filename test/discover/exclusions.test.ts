import { describe, expect, it } from 'vitest';
import {
  excludedFolderOf,
  exclusionReason,
  frameworkSourceFolders,
  vendoredLibraryFolders,
} from '../../src/discover/exclusions.js';

describe('exclusionReason', () => {
  it.each([
    ['node_modules/cookie/index.js', 'inside node_modules/ (dependencies, vendored or build output)'],
    ['app/dist/server.js', 'inside dist/ (dependencies, vendored or build output)'],
    ['.github/workflows/ci.js', 'workflow files are never edited'],
    ['public/app.min.js', 'minified or bundled file'],
    ['ext/tornado/web.py', 'vendored copy of a library under ext/'],
  ])('%s', (file, reason) => expect(exclusionReason(file)).toBe(reason));

  it.each(['lib/insecurity.ts', 'src/app.js', 'ext/helpers.py'])('keeps %s', (file) =>
    expect(exclusionReason(file)).toBeNull(),
  );
});

describe('frameworkSourceFolders', () => {
  it("finds a framework's own package in the tree, wherever it sits", () => {
    expect(
      frameworkSourceFolders([
        'tornado/web.py',
        'tornado/auth.py',
        'demos/blog/blog.py',
        'vendor2/flask/sessions.py',
      ]),
    ).toEqual(['tornado/', 'vendor2/flask/']);
    expect(frameworkSourceFolders(['app/web.py', 'mytornado/web.py'])).toEqual([]);
  });
});

describe('vendoredLibraryFolders', () => {
  it('finds lib/ folders of installed copies by a dist-info record or two well-known packages', () => {
    expect(
      vendoredLibraryFolders([
        'libs/Flask_Cors-5.0.0.dist-info/METADATA',
        'libs/h11/tests/test_io.py',
        'app/lib/certifi/__init__.py',
        'app/lib/idna/__init__.py',
        'app/lib/websocket/_http.py',
        'server/lib/requests/__init__.py',
        'server/lib/cookies.py',
        'src/lib/auth.py',
      ]).sort(),
    ).toEqual(['app/lib/', 'libs/']);
  });

  it('leaves a project lib/ folder alone, even with one copied package in it', () => {
    expect(
      vendoredLibraryFolders(['lib/insecurity.ts', 'lib/utils/__init__.py', 'lib/requests/__init__.py']),
    ).toEqual([]);
  });
});

describe('excludedFolderOf', () => {
  it.each([
    ['vendor/our-lib/session.js', { folder: 'vendor/', deepest: 0 }],
    ['packages/api/dist/server.js', { folder: 'packages/api/dist/', deepest: 2 }],
    // The report names the outer folder; an explicit `paths` entry must reach past the inner one too.
    ['vendor/lib/build/app.js', { folder: 'vendor/', deepest: 2 }],
    ['ext/tornado/web.py', { folder: 'ext/', deepest: 0 }],
  ])('%s', (file, place) => expect(excludedFolderOf(file)).toEqual(place));

  it.each(['src/app.js', 'public/app.min.js', 'ext/helpers.py'])('is null for %s', (file) =>
    expect(excludedFolderOf(file)).toBeNull(),
  );
});
