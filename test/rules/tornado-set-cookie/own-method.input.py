import datetime

import tornado.web
from tornado_json.requesthandlers import APIHandler


class Auth:
    """Keeps the login token; sets the cookie flags itself."""

    def set_cookie(self, handler, token):
        # ruleid: tornado-set-cookie httpOnly-missing fixable
        handler.set_secure_cookie("token", token, secure=True)

    def login(self, handler, token):
        # ok: tornado-set-cookie
        self.set_cookie(handler, token)


class CookieMixin:
    def set_cookie(self, name):
        self.cookie_name = name


class RememberMixin:
    """Mixed into handlers: Tornado's method comes from the handler class."""

    def remember(self, uid):
        # ruleid: tornado-set-cookie httpOnly-missing secure-missing fixable
        self.set_secure_cookie("user", uid)


class MixedFirst(CookieMixin, tornado.web.RequestHandler):
    def get(self):
        # ok: tornado-set-cookie
        self.set_cookie("sid")


class HandlerFirst(tornado.web.RequestHandler, CookieMixin):
    def get(self):
        # ruleid: tornado-set-cookie httpOnly-missing secure-missing fixable
        self.set_cookie("sid", self.sid)


class Api(APIHandler):
    def post(self):
        # ruleid: tornado-set-cookie httpOnly-unknown secure-unknown conditional
        self.set_cookie("sid", self.sid)


class Odd(tornado.web.RequestHandler):
    def post(self):
        # ruleid: tornado-set-cookie httpOnly-unknown secure-unknown conditional
        self.set_cookie("sid", self.sid, None, None, "/", None, True)
        # ruleid: tornado-set-cookie httpOnly-unknown secure-unknown conditional
        self.set_signed_cookie("sid", self.sid, token=self.token)


def remember(h: HandlerFirst, session, auth: Auth, uid):
    # ruleid: tornado-set-cookie httpOnly-missing secure-missing fixable
    h.set_secure_cookie("user", uid)
    # ok: tornado-set-cookie
    session.set_secure_cookie("user", uid)
    # ok: tornado-set-cookie
    auth.set_cookie(h, uid)


class Logout(tornado.web.RequestHandler):
    def post(self):
        # ok: tornado-set-cookie
        self.set_cookie("sid", "", expires_days=-1)
        # ok: tornado-set-cookie
        self.set_cookie("sid", "gone", expires=datetime.datetime(1970, 1, 1))
        # ok: tornado-set-cookie
        self.set_cookie("sid", "gone", expires="Thu, 01 Jan 1970 00:00:00 GMT")
        # ok: tornado-set-cookie
        self.set_signed_cookie("sid", None)
        # ok: tornado-set-cookie
        self.set_cookie("sid", "x", max_age=0)
        # ok: tornado-set-cookie
        self.set_cookie("sid", "gone", None, 0)
        # ok: tornado-set-cookie
        self.clear_cookie("sid")
