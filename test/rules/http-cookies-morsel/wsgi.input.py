import os
from http.cookies import SimpleCookie

DEBUG = os.environ.get("DEBUG") == "1"


def login(environ, start_response):
    jar = SimpleCookie()
    # ruleid: http-cookies-morsel httpOnly-missing secure-missing fixable
    jar["sessionid"] = new_session()
    jar["sessionid"]["path"] = "/"
    jar["sessionid"]["max-age"] = 3600
    # ruleid: http-cookies-morsel secure-false fixable
    jar["auth_token"] = token()
    jar["auth_token"]["httponly"] = True
    jar["auth_token"]["secure"] = False
    # ruleid: http-cookies-morsel httpOnly-false secure-missing fixable
    jar["theme"] = "dark"
    jar["theme"]["httponly"] = ""
    # ruleid: http-cookies-morsel secure-conditional conditional
    jar["sid"] = sid()
    jar["sid"]["httponly"] = True
    if environ.get("wsgi.url_scheme") == "https":
        jar["sid"]["secure"] = True
    # ruleid: http-cookies-morsel secure-false manual
    jar["session"] = sid()
    jar["session"]["httponly"] = True
    jar["session"]["secure"] = DEBUG
    # ok: http-cookies-morsel
    jar["login"] = sid()
    morsel = jar["login"]
    morsel["HttpOnly"] = True
    morsel["Secure"] = True
    # ok: http-cookies-morsel
    jar["remember"] = "x"
    jar["remember"].update({"httponly": True, "secure": True})
    # deleted: no flags needed
    # ok: http-cookies-morsel
    jar["old_session"] = ""
    jar["old_session"]["max-age"] = 0
    # ok: http-cookies-morsel
    jar["legacy_token"] = "gone"
    jar["legacy_token"]["expires"] = "Thu, 01 Jan 1970 00:00:00 GMT"
    headers = [("Set-Cookie", morsel.OutputString()) for morsel in jar.values()]
    start_response("200 OK", headers)
    return [b"ok"]


def preferences(options):
    jar = SimpleCookie()
    # ruleid: http-cookies-morsel httpOnly-unknown secure-unknown conditional
    jar["session_prefs"] = "1"
    for key, value in options.items():
        jar["session_prefs"][key] = value
    return jar


def parse(environ):
    incoming = SimpleCookie(environ.get("HTTP_COOKIE", ""))
    # ok: http-cookies-morsel
    value = incoming["sessionid"].value
    return value


class CookieBag:
    """A project class with its own item assignment: not a SimpleCookie."""

    def __setitem__(self, key, value):
        pass


def own(bag: CookieBag):
    jar = CookieBag()
    # ok: http-cookies-morsel
    jar["sessionid"] = "x"
