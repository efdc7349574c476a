// The deletion predicates: a cookie call that clears the cookie is never a site.
import { describe, expect, it } from 'vitest';
import { callsOf as jsCalls, parseJavaScript } from '../../src/languages/javascript.js';
import { argumentsOf, callParts, callsOf, parsePython } from '../../src/languages/python.js';
import { isPyCookieDeletion } from '../../src/rules/py-call-site-common.js';
import { deletesCookie } from '../../src/rules/js-site.js';

function pyDeletes(call: string): boolean {
  const module = parsePython('x.py', `${call}\n`);
  const parts = callParts(callsOf(module)[0]!)!;
  const args = argumentsOf(module, parts.argList);
  const value = args.filter((argument) => argument.kind === 'positional')[1]?.value;
  const keyword = (name: string) =>
    args.find((argument) => argument.kind === 'keyword' && argument.name === name)?.value;
  return isPyCookieDeletion(module, value, keyword);
}

function jsDeletes(options: string): boolean {
  const module = parseJavaScript('x.js', `res.cookie('a', 'b', ${options});\n`);
  const call = jsCalls(module)[0]!;
  return deletesCookie(module, call.node.arguments[2], call.get('arguments', 2), () => null);
}

describe('isPyCookieDeletion', () => {
  it.each([
    'r.set_cookie("sid", "")',
    'r.set_cookie("sid", None)',
    'r.set_cookie("sid", "x", max_age=0)',
    'r.set_cookie("sid", "x", max_age=-1)',
    'r.set_cookie("sid", "x", expires=0)',
    'h.set_cookie("sid", "x", expires_days=-1)',
    'r.set_cookie("sid", "x", expires=datetime(1970, 1, 1))',
    'r.set_cookie("sid", "x", expires=datetime.datetime(1999, 12, 31))',
    'r.set_cookie("sid", "x", expires="Thu, 01 Jan 1970 00:00:00 GMT")',
    'r.set_cookie("sid", "x", expires=datetime.utcfromtimestamp(0))',
    'r.set_cookie("sid", "x", expires=datetime.utcnow() - timedelta(days=1))',
    'h.set_cookie("sid", "x", expires=time.time() - 3600)',
  ])('%s deletes', (call) => expect(pyDeletes(call)).toBe(true));

  it.each([
    'r.set_cookie("sid", sid)',
    'r.set_cookie("sid", "x", max_age=3600)',
    'h.set_cookie("sid", "x", expires_days=30)',
    'r.set_cookie("sid", "x", expires=datetime(2031, 1, 1))',
    'r.set_cookie("sid", "x", expires=datetime.utcnow() + timedelta(days=1))',
    'r.set_cookie("sid", "x", expires="Thu, 01 Jan 2037 00:00:00 GMT")',
    'r.set_cookie("sid", "x", max_age=ttl)',
  ])('%s sets', (call) => expect(pyDeletes(call)).toBe(false));
});

describe('deletesCookie', () => {
  it.each([
    '{ maxAge: 0 }',
    '{ maxAge: -1 }',
    '{ expires: 0 }',
    '{ expires: -1 }',
    '{ expires: new Date(0) }',
    '{ expires: new Date(1970, 0, 1) }',
    "{ expires: new Date('Thu, 01 Jan 1970 00:00:00 GMT') }",
    "{ expires: 'Thu, 01 Jan 1970 00:00:00 GMT' }",
    '{ expires: new Date(Date.now() - 1000) }',
    "{ 'max-age': 0 }",
  ])('%s deletes', (options) => expect(jsDeletes(options)).toBe(true));

  it.each([
    '{ maxAge: 3600 }',
    '{ expires: new Date(Date.now() + 1000) }',
    '{ expires: new Date(2040, 0, 1) }',
    '{ expires: new Date() }',
    '{ expires: when }',
    'options',
  ])('%s sets', (options) => expect(jsDeletes(options)).toBe(false));
});
