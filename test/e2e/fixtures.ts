// Small repositories for the end-to-end runs, shaped like the seed analysis (a Tornado app whose handlers
// splat a cookie_settings dict that lacks httponly) and like a typical Express app.

export const SEED_SETTINGS = `import os

COOKIE_SECRET = os.environ.get("COOKIE_SECRET", "")

cookie_settings = {
    "secure": True,
}
`;

export const SEED_HANDLERS = `import tornado.web

from config import settings


class LoginHandler(tornado.web.RequestHandler):
    def post(self):
        self.set_secure_cookie("user", self.get_argument("user"), **settings.cookie_settings)
`;

export const SEED_REPOSITORY: Record<string, string> = {
  'README.md': '# webapp\n',
  'config/__init__.py': '',
  'config/settings.py': SEED_SETTINGS,
  'app/__init__.py': '',
  'app/handlers.py': SEED_HANDLERS,
};

export const EXPRESS_ROUTE = `const express = require('express');
const router = express.Router();

router.post('/login', (req, res) => {
  res.cookie('token', req.token);
  res.end();
});

module.exports = router;
`;
