// Regression project for the APIs the engine used to miss: cookie options passed through a hapi plugin
// registration (@hapi/yar), a folder of hapi cookie modules registered by a loader loop, hono-sessions, and
// raw Set-Cookie headers in JavaScript and Python. Run through the built CLI, as a person would.
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliProcess, snapshotTree, temporaryFolder } from '../cli/helpers.js';

const PROJECT = new URL('./misses/', import.meta.url).pathname;

function copyProject(): string {
  const folder = temporaryFolder();
  cpSync(PROJECT, folder, { recursive: true });
  return folder;
}

interface JsonReport {
  findings: Array<Record<string, unknown>>;
  skipped: unknown[];
}

const FINDINGS = [
  [
    'edge/app.js',
    11,
    20,
    'hono-sessions-middleware',
    'session',
    ['httpOnly-missing', 'secure-missing'],
    'fixable',
  ],
  ['edge/app.js', 19, 26, 'js-set-cookie-header', 'remember_token', ['secure-missing'], 'fixable'],
  ['legacy/raw.js', 4, 31, 'js-set-cookie-header', 'auth_token', ['secure-missing'], 'fixable'],
  [
    'legacy/raw.js',
    10,
    32,
    'js-set-cookie-header',
    'theme',
    ['httpOnly-missing', 'secure-missing'],
    'fixable',
  ],
  ['lib/cookies/auth.js', 5, 12, 'hapi-cookie-modules', 'auth_session', ['secure-false'], 'fixable'],
  ['py/app.py', 9, 38, 'py-set-cookie-header', 'session_id', ['secure-missing'], 'fixable'],
  ['server/index.js', 14, 24, 'hapi-plugin-options', 'session', ['secure-false'], 'fixable'],
];

const DIFF = `--- a/edge/app.js
+++ b/edge/app.js
@@ -11,12 +11,14 @@
     cookieOptions: {
       sameSite: 'Lax',
       path: '/',
+      httpOnly: true,
+      secure: true,
     },
   }),
 );
 
 app.post('/remember', (c) => {
-  c.header('Set-Cookie', \`remember_token=\${c.get('token')}; Path=/; HttpOnly\`);
+  c.header('Set-Cookie', \`remember_token=\${c.get('token')}; Path=/; HttpOnly; Secure\`);
   return c.text('ok');
 });
 
--- a/legacy/raw.js
+++ b/legacy/raw.js
@@ -1,13 +1,13 @@
 'use strict';
 
 function login(res, result) {
-  res.setHeader('Set-Cookie', \`auth_token=\${result.token}; Path=/; HttpOnly\`);
+  res.setHeader('Set-Cookie', \`auth_token=\${result.token}; Path=/; HttpOnly; Secure\`);
   res.end();
 }
 
 function preferences(res, theme) {
   const headers = new Headers();
-  headers.append('Set-Cookie', 'theme=' + theme + '; Path=/');
+  headers.append('Set-Cookie', 'theme=' + theme + '; Path=/; Secure');
   return headers;
 }
 
--- a/server/index.js
+++ b/server/index.js
@@ -13,7 +13,7 @@
         storeBlank: false,
         cookieOptions: {
           password: config.sessionPassword,
-          isSecure: false,
+          isSecure: true,
         },
       },
     },
--- a/lib/cookies/auth.js
+++ b/lib/cookies/auth.js
@@ -6,7 +6,7 @@
     ttl: 7 * 24 * 60 * 60 * 1000,
     encoding: 'iron',
     password: process.env.COOKIE_PASSWORD,
-    isSecure: false,
+    isSecure: true,
     path: '/',
   },
 };
--- a/py/app.py
+++ b/py/app.py
@@ -6,7 +6,7 @@
 @app.route("/login", methods=["POST"])
 def login():
     response = make_response("ok")
-    response.headers["Set-Cookie"] = f"session_id={new_session()}; Path=/; HttpOnly"
+    response.headers["Set-Cookie"] = f"session_id={new_session()}; Path=/; HttpOnly; Secure"
     return response
 
 
`;

describe('regression project: cookies the engine used to miss', () => {
  it('reports each plugin, folder module, session middleware and raw header site', () => {
    const run = runCliProcess(['scan', copyProject(), '--format', 'json']);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(
      report.findings.map((f) => [f.file, f.line, f.column, f.ruleId, f.cookie, f.problems, f.outcome]),
    ).toEqual(FINDINGS);
    expect(report.findings.map((f) => f.message)).toEqual([
      'Cookie "session" (sessionMiddleware({ cookieOptions })): HttpOnly is not set; Secure is not set. Fix: httpOnly: true, secure: true.',
      'Cookie "remember_token" (setHeader(\'Set-Cookie\', …)): Secure is not set. Fix: Secure: true.',
      'Cookie "auth_token" (setHeader(\'Set-Cookie\', …)): Secure is not set. Fix: Secure: true.',
      'Cookie "theme" (setHeader(\'Set-Cookie\', …)): HttpOnly is not set; Secure is not set. Fix: Secure: true. Not changed: front-end code may read this cookie; add HttpOnly by hand if no script needs it.',
      'Cookie "auth_session" (server.state(cookie.name, cookie.options)): Secure is turned off. Fix: isSecure → true.',
      'Cookie "session_id" (headers[\'Set-Cookie\'] = …): Secure is not set. Fix: Secure: True.',
      'Cookie "session" (server.register({ plugin, options })): Secure is turned off. Fix: isSecure → true.',
    ]);
    expect(report.skipped).toEqual([]);
  });

  it('prints the exact diff on --dry-run and writes nothing', () => {
    const folder = copyProject();
    const before = snapshotTree(folder);
    const run = runCliProcess(['fix', '--dry-run', folder]);
    expect(run.status).toBe(1);
    expect(run.stdout.slice(run.stdout.indexOf('--- a/'))).toBe(DIFF);
    expect(snapshotTree(folder)).toEqual(before);
  });

  it('fixes every site, leaves the deletion and the defaults alone, and a second run has nothing left to change', () => {
    const folder = copyProject();
    const before = snapshotTree(folder);
    const first = runCliProcess(['fix', folder, '--format', 'json']);
    expect(first.status).toBe(0);
    const after = snapshotTree(folder);
    const changed = [...after.keys()].filter((file) => after.get(file) !== before.get(file)).sort();
    expect(changed).toEqual([
      'edge/app.js',
      'legacy/raw.js',
      'lib/cookies/auth.js',
      'py/app.py',
      'server/index.js',
    ]);
    expect(readFileSync(join(folder, 'legacy/raw.js'), 'utf8')).toContain(
      "res.setHeader('Set-Cookie', 'auth_token=; Max-Age=0; Path=/');",
    );
    const second = runCliProcess(['scan', folder, '--format', 'json']);
    expect(second.status).toBe(0);
    // Only the preference cookie's HttpOnly stays: front-end code may read it, so it is left to a person.
    expect(
      (JSON.parse(second.stdout) as JsonReport).findings.map((f) => [f.file, f.line, f.problems, f.outcome]),
    ).toEqual([['legacy/raw.js', 10, ['httpOnly-missing'], 'manual']]);
  });
});
