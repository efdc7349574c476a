import os

from twisted.web import resource
from twisted.web.server import Request

DEBUG = os.environ.get("DEBUG") == "1"


class Login(resource.Resource):
    isLeaf = True

    def render_POST(self, request):
        # ruleid: twisted-add-cookie httpOnly-missing secure-missing fixable
        request.addCookie(b"session_id", new_session(), path=b"/")
        # ruleid: twisted-add-cookie httpOnly-false secure-false manual
        request.addCookie(b"auth_token", token(), secure=False, httpOnly=False)
        # positional: expires, domain, path, max_age, comment, secure, httpOnly
        # ruleid: twisted-add-cookie secure-false fixable
        request.addCookie(b"sid", sid(), None, None, b"/", None, None, False, True)
        # ruleid: twisted-add-cookie secure-false manual
        request.addCookie(b"session", sid(), httpOnly=True, secure=DEBUG)
        # ruleid: twisted-add-cookie httpOnly-missing secure-missing fixable
        request.addCookie(b"lang", b"en")
        # ok: twisted-add-cookie
        request.addCookie(b"remember", token(), secure=True, httpOnly=True, sameSite="lax")
        # deletion: an empty value and an expiry in the past
        # ok: twisted-add-cookie
        request.addCookie(b"session_id", b"", expires=b"Thu, 01 Jan 1970 00:00:00 GMT")
        # ok: twisted-add-cookie
        request.addCookie(b"auth_token", b"gone", max_age=0)
        return b"ok"


class Typed(resource.Resource):
    def render_GET(self, request: Request):
        # ruleid: twisted-add-cookie secure-missing fixable
        request.addCookie(b"token", token(), httpOnly=True)
        return b"ok"


class CookieStore:
    """The project's own addCookie, with another signature: not Twisted's."""

    def addCookie(self, name, value, secure=False):
        self.items[name] = (value, secure)

    def remember(self, name, value):
        # ok: twisted-add-cookie
        self.addCookie(name, value)


def fill(store: CookieStore):
    # ok: twisted-add-cookie
    store.addCookie("session", "x")
    jar = CookieStore()
    # ok: twisted-add-cookie
    jar.addCookie("session", "x")


class Proxying(resource.Resource):
    def render_GET(self, request):
        # An HTTP client's cookie jar is not Twisted's request.
        # ok: twisted-add-cookie
        self.client.addCookie(b"upstream", b"1")
        # ok: twisted-add-cookie
        self.cookie_jar.addCookie(b"upstream", b"1")
        return b"ok"
