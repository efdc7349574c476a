import os

from pyramid.response import Response
from pyramid.view import view_config

DEBUG = os.environ.get("DEBUG") == "1"


@view_config(route_name="login", renderer="json")
def login(request):
    # ruleid: pyramid-set-cookie httpOnly-missing secure-missing fixable
    request.response.set_cookie("session_id", new_session(), max_age=3600, httponly=True, secure=True)
    # ruleid: pyramid-set-cookie httpOnly-false secure-false manual
    request.response.set_cookie("auth_token", token(), secure=True, httponly=False)
    # ruleid: pyramid-set-cookie secure-false manual
    request.response.set_cookie("session", sid(), httponly=True, secure=DEBUG)
    # positional: max_age, path, domain, secure, httponly
    # ruleid: pyramid-set-cookie secure-false fixable
    request.response.set_cookie("sid", sid(), None, "/", None, True, True)
    # ok: pyramid-set-cookie
    request.response.set_cookie("remember", token(), secure=True, httponly=True, samesite="lax")
    return {"ok": True}


@view_config(route_name="prefs")
def prefs(request):
    response = Response("saved")
    # ruleid: pyramid-set-cookie httpOnly-missing secure-missing fixable
    response.set_cookie("lang", request.params["lang"], secure=True)
    return response


@view_config(route_name="logout")
def logout(request):
    response = Response("bye")
    # deletion: no value, or an age of zero
    # ok: pyramid-set-cookie
    response.set_cookie("session_id", None)
    # ok: pyramid-set-cookie
    response.set_cookie("auth_token", "", max_age=0)
    # ok: pyramid-set-cookie
    response.delete_cookie("sid")
    return response


class CookieBook:
    """The project's own set_cookie: not WebOb's."""

    def set_cookie(self, name, value):
        self.entries[name] = value

    def remember(self, name):
        # ok: pyramid-set-cookie
        self.set_cookie(name, "1")


def keep(book: CookieBook):
    # ok: pyramid-set-cookie
    book.set_cookie("session_id", "x")
