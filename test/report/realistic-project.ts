// Realistic findings for the pull request body's tests: small apps in several frameworks (Express with
// express-session behind nginx, Flask, Django, Tornado, Next.js, browser code), scanned by the real pipeline
// so every finding carries what the engine really writes (messages, evidence, before-merging lines).
import { DEFAULT_CONFIG } from '../../src/config.js';
import type { ScanResult } from '../../src/model.js';
import { scanFiles } from '../../src/scan.js';

/** An Express app: the session middleware and routes that set their own cookies. */
function expressApp(root: string, routes: number): Record<string, string> {
  const files: Record<string, string> = {
    [`${root}/package.json`]: JSON.stringify(
      { name: root.replace(/\W/g, '-'), dependencies: { express: '^4.21.0', 'express-session': '^1.18.1' } },
      null,
      2,
    ),
    [`${root}/src/app.js`]: `const express = require('express');
const session = require('express-session');

const app = express();

app.use(
  session({
    secret: process.env.SESSION_SECRET,
    resave: false,
    saveUninitialized: false,
    cookie: { maxAge: 86400000 },
  }),
);

module.exports = app;
`,
  };
  for (let index = 0; index < routes; index++) {
    files[`${root}/src/routes/area${index}.js`] = `const express = require('express');
const jwt = require('jsonwebtoken');

const router = express.Router();

router.post('/area${index}/login', (req, res) => {
  const token = jwt.sign({ sub: req.body.user }, process.env.JWT_KEY);
  res.cookie('auth${index}', token, { maxAge: 3600000 });
  res.cookie('refresh${index}', req.refresh, { httpOnly: true });
  res.redirect('/');
});

router.get('/area${index}/prefs', (req, res) => {
  res.cookie('theme${index}', req.query.theme, { secure: process.env.NODE_ENV === 'production' });
  res.end();
});

module.exports = router;
`;
  }
  return files;
}

function flaskApp(root: string, views: number): Record<string, string> {
  const files: Record<string, string> = {
    [`${root}/requirements.txt`]: 'flask==3.0.3\n',
  };
  for (let index = 0; index < views; index++) {
    files[`${root}/views/account${index}.py`] = `from flask import Blueprint, make_response, request

bp = Blueprint("account${index}", __name__)


@bp.route("/account${index}/remember", methods=["POST"])
def remember():
    resp = make_response("ok")
    resp.set_cookie("remember${index}", request.form["token"], max_age=86400)
    return resp
`;
  }
  return files;
}

const DJANGO_SETTINGS = `DEBUG = False
ALLOWED_HOSTS = ["shop.example.com"]
INSTALLED_APPS = ["django.contrib.sessions", "shop"]
MIDDLEWARE = ["django.contrib.sessions.middleware.SessionMiddleware"]
SESSION_COOKIE_AGE = 1209600
CSRF_COOKIE_SECURE = False
`;

const TORNADO_HANDLERS = `import tornado.web


class LoginHandler(tornado.web.RequestHandler):
    def post(self):
        self.set_signed_cookie("user", self.get_argument("name"))
        self.redirect("/")
`;

const NEXT_ROUTE = `import { cookies } from 'next/headers';

export async function POST(request: Request) {
  const body = await request.json();
  cookies().set('session', body.session, { path: '/' });
  return Response.json({ ok: true });
}
`;

const BROWSER_PREFS = `export function rememberLanguage(language) {
  document.cookie = 'lang=' + language + '; path=/; max-age=31536000';
}
`;

const COMPOSE = `services:
  proxy:
    image: nginx:1.27
    ports:
      - "443:443"
  web:
    build: .
`;

export interface RealisticProject {
  files: Record<string, string>;
  evidence: Record<string, string>;
}

/**
 * Every app but Django's is always there (Express areas and Flask views scale the row count): with no areas,
 * one view and no Django, five findings in five frameworks; with 12 areas, 13 views and Django, 55.
 */
export function realisticProject(scale: {
  expressRoutes: number;
  flaskViews: number;
  django: boolean;
}): RealisticProject {
  return {
    files: {
      ...expressApp('services/api', scale.expressRoutes),
      ...flaskApp('services/accounts', scale.flaskViews),
      ...(scale.django
        ? {
            'services/shop/requirements.txt': 'Django==5.1.4\n',
            'services/shop/shop/settings.py': DJANGO_SETTINGS,
          }
        : {}),
      'services/legacy/handlers.py': TORNADO_HANDLERS,
      'web/app/api/session/route.ts': NEXT_ROUTE,
      'web/lib/prefs.js': BROWSER_PREFS,
    },
    evidence: { 'docker-compose.yml': COMPOSE },
  };
}

export function scanProject(project: RealisticProject): ScanResult {
  const texts = new Map(Object.entries({ ...project.files, ...project.evidence }));
  const result = scanFiles({
    files: Object.keys(project.files).filter((file) => /\.(?:[cm]?[jt]sx?|py)$/.test(file)),
    evidenceFiles: [
      ...Object.keys(project.evidence),
      ...Object.keys(project.files).filter((file) => !/\.(?:[cm]?[jt]sx?|py)$/.test(file)),
    ],
    read: (file) => ({ text: texts.get(file) ?? '' }),
    config: DEFAULT_CONFIG,
  });
  // In the pull request's own words, what it fixes is fixed (as the action renders it).
  return {
    ...result,
    findings: result.findings.map((finding) =>
      finding.outcome === 'fixable' ? { ...finding, outcome: 'fixed' as const } : finding,
    ),
  };
}
