import { describe, expect, it } from 'vitest';
import { builtCopies, generatedReason } from '../../src/discover/built-copies.js';

describe('builtCopies', () => {
  it('finds collectstatic output by its manifest and points each copy at its source', () => {
    const copies = builtCopies([
      'app/static/js/app.js',
      'app/views.py',
      'deploy/static/staticfiles.json',
      'deploy/static/js/app.js',
      'deploy/static/js/app.3f2a9c1b12ab.js',
      'deploy/static/js/orphan.js',
      'manage.py',
    ]);
    expect([...copies]).toEqual([
      ['deploy/static/js/app.js', 'built copy of `app/static/js/app.js`; fix the source'],
      ['deploy/static/js/app.3f2a9c1b12ab.js', 'built copy of `app/static/js/app.js`; fix the source'],
      ['deploy/static/js/orphan.js', 'collectstatic output under deploy/static/; not edited'],
    ]);
  });

  it('knows STATIC_ROOT folder names and a copied Django admin', () => {
    expect([...builtCopies(['staticfiles/js/cart.js', 'shop/static/js/cart.js'])]).toEqual([
      ['staticfiles/js/cart.js', 'built copy of `shop/static/js/cart.js`; fix the source'],
    ]);
    expect([...builtCopies(['public/admin/js/core.js', 'public/js/site.js'])]).toEqual([
      ['public/js/site.js', 'collectstatic output under public/; not edited'],
    ]);
    expect(builtCopies(['django/contrib/admin/static/admin/js/core.js', 'src/site.js']).size).toBe(0);
  });

  it('takes content-hashed names for build output and finds the source by its trailing folders', () => {
    expect([
      ...builtCopies([
        'static/js/app.3f2a9c1b.js',
        'static/js/chunk-4f2a9c1b.js',
        'frontend/js/app.js',
        'tests/app.js',
      ]),
    ]).toEqual([
      ['static/js/app.3f2a9c1b.js', 'built copy of `frontend/js/app.js`; fix the source'],
      ['static/js/chunk-4f2a9c1b.js', 'generated (content-hashed build output); not edited'],
    ]);
  });

  it('leaves sources, dates and words alone, and calls static lib/ folders vendored', () => {
    expect([
      ...builtCopies([
        'src/app.js',
        'static/js/report.20240101.js',
        'static/js/feed.deadbeef.js',
        'static/lib/js.cookie.js',
      ]),
    ]).toEqual([['static/lib/js.cookie.js', 'vendored library copy under a static lib/ folder; not edited']]);
  });

  it('does not take two equally good sources for one', () => {
    expect([...builtCopies(['staticfiles/app.js', 'one/static/app.js', 'two/static/app.js'])]).toEqual([
      ['staticfiles/app.js', 'collectstatic output under staticfiles/; not edited'],
    ]);
  });
});

describe('builtCopies with markers at the top of the tree', () => {
  it('never takes the whole tree for collectstatic output', () => {
    expect(builtCopies(['admin/js/core.js', 'staticfiles.json', 'src/server.js', 'src/app.ts'])).toEqual(
      new Map(),
    );
  });
});

describe('generatedReason', () => {
  it('recognises bundler runtimes, compiled output with a source map and library banners', () => {
    expect(generatedReason('/******/ (() => { // webpackBootstrap\n')).toBe(
      'generated bundle (bundler output); not edited',
    );
    expect(
      generatedReason(
        '"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\n//# sourceMappingURL=app.js.map\n',
      ),
    ).toBe('compiled output with a source map; fix the source it was built from');
    expect(generatedReason('/*! js-cookie v3.0.5 | MIT */\n;(function (global) {})\n')).toBe(
      'vendored library (its header names a version and a licence); not edited',
    );
    expect(generatedReason('/**\n * @license React v18.2.0\n * Copyright (c) Facebook\n */\n')).toBe(
      'vendored library (its header names a version and a licence); not edited',
    );
  });

  it("keeps a project's own files, licence headers included", () => {
    expect(
      generatedReason(
        "/*\n * Copyright 2024 Acme. Licensed under the Apache License, Version 2.0\n */\nres.cookie('a', 'b');\n",
      ),
    ).toBeNull();
    expect(generatedReason('/** App v1.2.3, (c) Acme, MIT */\nres.cookie("a", "b");\n')).toBeNull();
    expect(generatedReason("res.cookie('a', 'b');\n//# sourceMappingURL=app.js.map\n")).toBeNull();
  });
});
