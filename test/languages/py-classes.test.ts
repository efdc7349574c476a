import { describe, expect, it } from 'vitest';
import {
  classesOf,
  methodOwner,
  resolveClass,
  type FrameworkClasses,
  type PyClass,
} from '../../src/languages/py-classes.js';
import { parsePython, type PyModule } from '../../src/languages/python.js';
import { resolvePythonModule } from '../../src/languages/python-support.js';

const TORNADO: FrameworkClasses = {
  owns: (name) => /^tornado\.[\w.]*Handler$/.test(name),
  neutral: (name) => /^(?:tornado|builtins)\./.test(name),
};

function project(files: Record<string, string>) {
  const modules = new Map<string, PyModule>();
  const names = new Set(Object.keys(files));
  const load = (from: string, dotted: string) => {
    const target = resolvePythonModule(from, dotted, names);
    if (!target) return null;
    let module = modules.get(target);
    if (!module) {
      module = parsePython(target, files[target]!);
      modules.set(target, module);
    }
    return module;
  };
  const cls = (file: string, name: string): PyClass => {
    const module = load(file, file.replace(/\.py$/, '').replace(/\//g, '.'))!;
    return classesOf(module).byName.get(name)!;
  };
  return { load, cls };
}

function owner(files: Record<string, string>, file: string, name: string, method = 'set_cookie') {
  const { load, cls } = project(files);
  const found = methodOwner(cls(file, name), method, TORNADO, load);
  return found.kind === 'own' ? `own:${found.cls.module.file}:${found.cls.name}` : JSON.stringify(found);
}

describe('methodOwner', () => {
  it('reaches Tornado through every spelling of the import', () => {
    expect(
      owner({ 'a.py': 'import tornado.web\nclass A(tornado.web.RequestHandler): pass\n' }, 'a.py', 'A'),
    ).toBe('{"kind":"framework","base":"tornado.web.RequestHandler"}');
    expect(
      owner({ 'a.py': 'from tornado import web\nclass A(web.RequestHandler): pass\n' }, 'a.py', 'A'),
    ).toBe('{"kind":"framework","base":"tornado.web.RequestHandler"}');
    expect(
      owner(
        { 'a.py': 'from tornado.websocket import WebSocketHandler as W\nclass A(W): pass\n' },
        'a.py',
        'A',
      ),
    ).toBe('{"kind":"framework","base":"tornado.websocket.WebSocketHandler"}');
    expect(
      owner(
        { 'a.py': 'import tornado.web\nBase = tornado.web.StaticFileHandler\nclass A(Base): pass\n' },
        'a.py',
        'A',
      ),
    ).toBe('{"kind":"framework","base":"tornado.web.StaticFileHandler"}');
  });

  it('follows in-project bases across modules, relative and absolute, through a package re-export', () => {
    const files = {
      'app/__init__.py': '',
      'app/base.py': 'from tornado.web import RequestHandler\nclass Base(RequestHandler): pass\n',
      'app/handlers/__init__.py': 'from app.handlers.mid import Mid\n',
      'app/handlers/mid.py': 'from ..base import Base\nclass Mid(Base):\n    """nothing"""\n',
      'app/handlers/leaf.py': 'from app import handlers\nclass Leaf(handlers.Mid): pass\n',
    };
    expect(owner(files, 'app/handlers/leaf.py', 'Leaf')).toBe(
      '{"kind":"framework","base":"tornado.web.RequestHandler"}',
    );
  });

  it('stops at a project class that defines the method, in the class itself or a base before Tornado', () => {
    const auth = 'class Auth:\n    def set_cookie(self, handler, token):\n        pass\n';
    expect(owner({ 'a.py': auth }, 'a.py', 'Auth')).toBe('own:a.py:Auth');
    const files = {
      'mixins.py': 'class CookieMixin(object):\n    set_cookie = lambda self, name: None\n',
      'h.py':
        'import tornado.web\nfrom mixins import CookieMixin\n' +
        'class First(CookieMixin, tornado.web.RequestHandler): pass\n' +
        'class Last(tornado.web.RequestHandler, CookieMixin): pass\n',
    };
    expect(owner(files, 'h.py', 'First')).toBe('own:mixins.py:CookieMixin');
    expect(owner(files, 'h.py', 'Last')).toBe('{"kind":"framework","base":"tornado.web.RequestHandler"}');
  });

  it('looks past a project override that forwards **kwargs to the framework method', () => {
    const text =
      'import tornado.web\nclass A(tornado.web.RequestHandler):\n' +
      '    def set_cookie(self, name, value, **kw):\n        kw.setdefault("path", "/")\n' +
      '        return super().set_cookie(name, value, **kw)\n';
    expect(owner({ 'a.py': text }, 'a.py', 'A')).toBe(
      '{"kind":"framework","base":"tornado.web.RequestHandler"}',
    );
    const own = text.replace('**kw)\n', 'secure=True)\n');
    expect(owner({ 'a.py': own }, 'a.py', 'A')).toBe('own:a.py:A');
    const flags = text.replace('"path", "/"', '"httponly", True');
    expect(owner({ 'a.py': flags }, 'a.py', 'A')).toBe('own:a.py:A');
  });

  it('says unknown for a third-party base and none for plain classes', () => {
    expect(
      owner({ 'a.py': 'from tornado_json import APIHandler\nclass A(APIHandler): pass\n' }, 'a.py', 'A'),
    ).toBe('{"kind":"unknown","base":"tornado_json.APIHandler"}');
    expect(
      owner(
        { 'a.py': 'from tornado.auth import OAuth2Mixin\nclass A(OAuth2Mixin, object): pass\n' },
        'a.py',
        'A',
      ),
    ).toBe('{"kind":"none"}');
    expect(owner({ 'a.py': 'from .missing import Base\nclass A(Base): pass\n' }, 'a.py', 'A')).toBe(
      '{"kind":"unknown","base":".missing.Base"}',
    );
  });

  it('survives cycles', () => {
    const files = {
      'a.py': 'from b import B\nclass A(B): pass\n',
      'b.py': 'from a import A\nclass B(A): pass\n',
    };
    expect(owner(files, 'a.py', 'A')).toBe('{"kind":"none"}');
  });
});

describe('resolveClass', () => {
  it('names the external class a base comes from', () => {
    const module = parsePython('x.py', 'import flask\nclass R(flask.wrappers.Response): pass\n');
    const cls = classesOf(module).byName.get('R')!;
    expect(resolveClass(module, cls.bases[0]!, () => null)).toEqual({
      kind: 'external',
      name: 'flask.wrappers.Response',
    });
  });
});
