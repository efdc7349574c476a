import { describe, expect, it } from 'vitest';
import { excludedSummary, renderText } from '../../src/report/console.js';
import { conditionalSecure, scanResult } from './scan-results.js';

describe('the summary of what the built-in exclusions removed', () => {
  it('names each skipped folder once, and leaves out dependency and cache folders', () => {
    // bazarr: libs/ holds werkzeug/ and flask/, which were listed again beside it.
    expect(
      excludedSummary([
        { folder: 'libs/', files: 3128 },
        { folder: 'libs/werkzeug/', files: 53 },
        { folder: 'libs/dynaconf/vendor/', files: null },
        { folder: 'glances/plugins/__pycache__/', files: null },
        { folder: 'web/node_modules/', files: null },
        { folder: 'static/vendor/', files: 4 },
        { folder: 'minified or bundled file', files: 2 },
      ]),
    ).toBe(
      'skipped 2 folders by default: libs/ (3128 files), static/vendor/ (4 files); skipped 2 minified or bundled files',
    );
  });

  it('says nothing about a run that only skipped dependencies', () => {
    expect(excludedSummary([{ folder: 'node_modules/', files: null }])).toBe('');
  });
});

describe('the quiet text report', () => {
  const result = scanResult([conditionalSecure]);

  it('shows a finding the exit code counts under --fail-on any, though it is not weak', () => {
    expect(renderText(result, { quiet: true, counted: [conditionalSecure] })).toBe(
      'src/routes/remember.ts:9:37  express-res-cookie  [conditional, low]  Cookie "remember_me" (res.cookie()): Secure depends on a run-time value.\n1 finding (1 conditional); 10 files listed, 4 parsed in 12 ms.\n',
    );
  });

  it('hides it when nothing counts it', () => {
    expect(renderText(result, { quiet: true })).toBe(
      '1 finding (1 conditional); 10 files listed, 4 parsed in 12 ms.\n',
    );
  });
});
