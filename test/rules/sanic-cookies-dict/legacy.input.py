import os

from sanic import Sanic
from sanic.response import redirect, text

app = Sanic("legacy")
DEBUG = os.environ.get("SANIC_DEBUG") == "1"


class CookieBag:
    """The project's own holder with a `cookies` dict: not a Sanic response."""

    def __init__(self):
        self.cookies = {}


@app.post("/login")
async def login(request):
    response = redirect("/")
    # ruleid: sanic-cookies-dict httpOnly-missing secure-missing fixable
    response.cookies["session"] = new_session()
    response.cookies["session"]["max-age"] = 3600

    # ruleid: sanic-cookies-dict httpOnly-false secure-false manual
    response.cookies['auth_token'] = token()
    response.cookies['auth_token']['httponly'] = False
    response.cookies['auth_token']['secure'] = False

    # ruleid: sanic-cookies-dict secure-conditional conditional
    response.cookies["sid"] = new_session()
    response.cookies["sid"]["httponly"] = True
    response.cookies["sid"]["secure"] = not DEBUG

    # ok: sanic-cookies-dict
    response.cookies["sid"] = new_session()
    response.cookies["sid"]["httponly"] = True
    response.cookies["sid"]["secure"] = True
    return response


@app.get("/logout")
async def logout(request):
    response = text("bye")
    # ok: sanic-cookies-dict
    response.cookies["session"] = ""
    response.cookies["session"]["max-age"] = 0
    # ok: sanic-cookies-dict
    del response.cookies["session"]
    return response


def fill(bag_owner):
    bag = CookieBag()
    # ok: sanic-cookies-dict
    bag.cookies["session"] = "x"
    # ok: sanic-cookies-dict
    request_cookie = bag_owner.request.cookies["session"]
    return request_cookie
