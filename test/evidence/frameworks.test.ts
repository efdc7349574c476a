import { describe, expect, it } from 'vitest';
import { frameworksImported, frameworksInManifest, manifestKind } from '../../src/evidence/frameworks.js';
import { Source } from '../../src/evidence/source.js';

const manifest = (file: string, text: string) =>
  frameworksInManifest(new Source(file, text, 'manifest'), manifestKind(file)!).map((fact) => [
    fact.line,
    fact.framework,
    fact.fact,
  ]);
const imports = (file: string, text: string, kind: 'javascript' | 'python') =>
  frameworksImported(new Source(file, text, kind)).map((fact) => [fact.line, fact.framework, fact.fact]);

describe('framework presence from manifests', () => {
  it('reads package.json dependency fields only', () => {
    const text =
      '{\n  "name": "express-app",\n  "dependencies": { "koa": "^2" },\n  "devDependencies": {\n    "express": "4"\n  }\n}\n';
    expect(manifest('package.json', text)).toEqual([
      [3, 'koa', '`koa` is a dependency in package.json'],
      [5, 'express', '`express` is a dependency in package.json'],
    ]);
    expect(manifest('web/package.json', '{ not json')).toEqual([]);
  });

  it('reads requirements, pyproject, setup.py and Pipfile, skipping comments and project names', () => {
    expect(
      manifest('requirements/base.txt', 'Django>=4.2\n# flask\ndjango-environ\nuvicorn[standard]==0.30\n'),
    ).toEqual([
      [1, 'django', '`Django` is a dependency in requirements/base.txt'],
      [4, 'uvicorn', '`uvicorn` is a dependency in requirements/base.txt'],
    ]);
    const pyproject =
      '[project]\nname = "flask-app"\ndependencies = [\n  "Flask>=3",\n  "tornado ~= 6.4",\n]\n[tool.poetry.dependencies]\naiohttp = "^3.9"\n';
    expect(manifest('pyproject.toml', pyproject)).toEqual([
      [4, 'flask', '`Flask` is a dependency in pyproject.toml'],
      [4, 'werkzeug', '`Flask` is a dependency in pyproject.toml'],
      [5, 'tornado', '`tornado` is a dependency in pyproject.toml'],
      [8, 'aiohttp', '`aiohttp` is a dependency in pyproject.toml'],
    ]);
    expect(manifest('setup.py', 'setup(name="x", install_requires=["tornado>=5", "werkzeug"])\n')).toEqual([
      [1, 'tornado', '`tornado` is a dependency in setup.py'],
      [1, 'werkzeug', '`werkzeug` is a dependency in setup.py'],
    ]);
    expect(manifest('Pipfile', '[packages]\nstarlette = "*"\n')).toEqual([
      [2, 'starlette', '`starlette` is a dependency in Pipfile'],
    ]);
  });

  it('knows manifests by name', () => {
    expect(
      [
        'package.json',
        'requirements-dev.txt',
        'requirements/prod.in',
        'pyproject.toml',
        'setup.cfg',
        'Pipfile',
        'app.py',
        'package-lock.json',
      ].map(manifestKind),
    ).toEqual(['package.json', 'requirements', 'requirements', 'pyproject', 'setup', 'pipfile', null, null]);
  });
});

describe('framework presence from imports', () => {
  it('reads Python and JavaScript imports, skipping relative ones', () => {
    expect(
      imports(
        'app.py',
        'import os, tornado.web\nfrom django.conf import settings\nfrom .flask import x\n',
        'python',
      ),
    ).toEqual([
      [1, 'tornado', 'app.py imports `tornado.web`'],
      [2, 'django', 'app.py imports `django.conf`'],
    ]);
    expect(
      imports(
        'app.js',
        "import Koa from 'koa';\nconst s = require('@hapi/hapi/lib/server');\nimport '@fastify/cookie';\nimport x from './express';\n",
        'javascript',
      ),
    ).toEqual([
      [1, 'koa', 'app.js imports `koa`'],
      [2, 'hapi', 'app.js imports `@hapi/hapi/lib/server`'],
      [3, 'fastify-cookie', 'app.js imports `@fastify/cookie`'],
    ]);
  });

  it('reads Deno specifiers: a registry prefix, a version and deno.land/x URLs', () => {
    expect(
      imports(
        'main.ts',
        "import { Application } from 'jsr:@oak/oak@^17/application';\nimport { Hono } from 'npm:hono@4';\n",
        'javascript',
      ),
    ).toEqual([
      [1, 'oak', 'main.ts imports `jsr:@oak/oak@^17/application`'],
      [2, 'hono', 'main.ts imports `npm:hono@4`'],
    ]);
    expect(
      imports(
        'server.ts',
        "import { Router } from 'https://deno.land/x/oak@v12.6.1/mod.ts';\n",
        'javascript',
      ),
    ).toEqual([[1, 'oak', 'server.ts imports `https://deno.land/x/oak@v12.6.1/mod.ts`']]);
    expect(
      imports(
        'std.ts',
        "import { setCookie } from 'https://deno.land/std@0.224.0/http/cookie.ts';\n",
        'javascript',
      ),
    ).toEqual([[1, 'deno-std', 'std.ts imports `https://deno.land/std@0.224.0/http/cookie.ts`']]);
  });
});

describe('framework packages', () => {
  it('counts the ngx-cookie forks as ngx-cookie-service (juice-shop depends on ngy-cookie)', async () => {
    const { frameworksOfPackage } = await import('../../src/evidence/framework-ids.js');
    for (const name of ['ngx-cookie-service', 'ngx-cookie-service-ssr', 'ngx-cookie', 'ngy-cookie'])
      expect(frameworksOfPackage('javascript', name), name).toEqual(['ngx-cookie-service']);
  });

  it('counts a Quart dependency or import as Flask and Werkzeug, whose rules check Quart code', () => {
    expect(manifest('requirements.txt', 'quart>=0.19\n')).toEqual([
      [1, 'flask', '`quart` is a dependency in requirements.txt'],
      [1, 'werkzeug', '`quart` is a dependency in requirements.txt'],
    ]);
    expect(imports('app.py', 'from quart import Quart, request\n', 'python')).toEqual([
      [1, 'flask', 'app.py imports `quart`'],
      [1, 'werkzeug', 'app.py imports `quart`'],
    ]);
  });

  it('knows Bottle, Falcon, Sanic and Litestar by package and by import', () => {
    expect(
      manifest('requirements.txt', 'bottle==0.13\nfalcon>=4\nsanic[ext]\nlitestar[standard]\n').map(
        ([line, framework]) => [line, framework],
      ),
    ).toEqual([
      [1, 'bottle'],
      [2, 'falcon'],
      [3, 'sanic'],
      [4, 'litestar'],
    ]);
    expect(
      imports('app.py', 'import falcon.asgi\nfrom litestar.datastructures import Cookie\n', 'python'),
    ).toEqual([
      [1, 'falcon', 'app.py imports `falcon.asgi`'],
      [2, 'litestar', 'app.py imports `litestar.datastructures`'],
    ]);
  });
});
