import os
from datetime import datetime

from bottle import Bottle, request, response

app = Bottle()
DEBUG = os.environ.get("BOTTLE_DEBUG") == "1"
SECRET = os.environ["COOKIE_SECRET"]


class Preferences:
    """The project's own cookie helper: its `set_cookie` is not Bottle's."""

    def __init__(self):
        self.values = {}

    def set_cookie(self, name, value):
        self.values[name] = value


@app.post("/login")
def login():
    # ruleid: bottle-set-cookie httpOnly-missing secure-missing fixable
    response.set_cookie("session_id", new_session())
    # ruleid: bottle-set-cookie httpOnly-false secure-false manual
    response.set_cookie("auth_token", token(), httponly=False, secure=False)
    # ruleid: bottle-set-cookie httpOnly-missing secure-missing fixable
    response.set_cookie("account", user_id(), SECRET, path="/", maxage=3600)
    # ruleid: bottle-set-cookie secure-conditional conditional
    response.set_cookie("sid", new_session(), httponly=True, secure=not DEBUG)
    # ruleid: bottle-set-cookie secure-missing fixable
    response.set_cookie(
        "csrf_token",
        csrf(),
        samesite="strict",
    )
    # ok: bottle-set-cookie
    response.set_cookie("sid", new_session(), httponly=True, secure=True, same_site="lax")
    # ok: bottle-set-cookie
    Preferences().set_cookie("theme", request.query.theme)
    return "ok"


@app.get("/logout")
def logout():
    # ok: bottle-set-cookie
    response.set_cookie("session_id", "", expires=0)
    # ok: bottle-set-cookie
    response.set_cookie("session_id", "gone", maxage=0)
    # ok: bottle-set-cookie
    response.set_cookie("session_id", "gone", expires=datetime(1970, 1, 1))
    # ok: bottle-set-cookie
    response.delete_cookie("session_id")
    return "bye"


def remember(prefs: Preferences, value):
    # ok: bottle-set-cookie
    prefs.set_cookie("remember", value)
