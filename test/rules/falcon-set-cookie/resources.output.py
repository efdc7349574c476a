import os

import falcon
from werkzeug.security import check_password_hash

DEBUG = os.environ.get("DEBUG") == "1"


class CookieStore:
    """A test double with a method of the same name: not Falcon's."""

    def __init__(self):
        self.cookies = {}

    def set_cookie(self, name, value, secure=False, http_only=False):
        self.cookies[name] = (value, secure, http_only)


class LoginResource:
    def on_post(self, req, resp):
        # ok: falcon-set-cookie
        resp.set_cookie("session", new_session())
        # ok: falcon-set-cookie
        resp.set_cookie("session", new_session(), secure=None, same_site="Lax")
        # ruleid: falcon-set-cookie secure-false fixable
        resp.set_cookie("session", new_session(), secure=not DEBUG)
        # ruleid: falcon-set-cookie httpOnly-false manual
        resp.set_cookie("remember", token(), http_only=False)
        # ruleid: falcon-set-cookie secure-conditional conditional
        resp.set_cookie("auth", token(), secure=not DEBUG)
        # ruleid: falcon-set-cookie secure-false fixable
        resp.set_cookie(
            "sid",
            new_session(),
            None,
            3600,
            None,
            "/",
            not DEBUG,
        )
        # ok: falcon-set-cookie
        resp.set_cookie("session", "", max_age=0)
        # ok: falcon-set-cookie
        resp.set_cookie("session", "gone", None, 0)
        # ok: falcon-set-cookie
        resp.unset_cookie("session")


def check(store: CookieStore):
    # ok: falcon-set-cookie
    store.set_cookie("session", "x", secure=False, http_only=False)


app = falcon.App()
app.add_route("/login", LoginResource())
if DEBUG:
    # ok: falcon-set-cookie
    app.resp_options.secure_cookies_by_default = False
