import tornado.web
from tornado.options import define

define("certfile", default=None)


class PrefsHandler(tornado.web.RequestHandler):
    def post(self):
        # ruleid: tornado-set-cookie httpOnly-missing secure-missing fixable
        self.set_cookie("lang", self.get_argument("lang"), secure=self.request.protocol == "https")


class LoginHandler(tornado.web.RequestHandler):
    def post(self):
        if self.get_argument("user", None):
            # ruleid: tornado-set-cookie httpOnly-missing secure-missing fixable
            self.set_signed_cookie("user", self.get_argument("user"), httponly=True, secure=self.request.protocol == "https")


# ruleid: tornado-set-cookie httpOnly-missing secure-missing manual
COOKIE_OPTIONS = {"expires_days": 1}


class ThemeHandler(tornado.web.RequestHandler):
    def post(self):
        self.set_cookie("theme", "dark", **COOKIE_OPTIONS)
