import os

from litestar import Litestar, Request, Response, get, post
from litestar.datastructures import Cookie

DEBUG = os.environ.get("DEBUG") == "1"


class Recorder:
    """A test helper whose `set_cookie` is the project's own."""

    def __init__(self):
        self.calls = []

    def set_cookie(self, key, value=None, **options):
        self.calls.append((key, value, options))


@post("/login")
async def login(request: Request) -> Response:
    response = Response({"ok": True})
    # ruleid: litestar-set-cookie httpOnly-missing secure-missing fixable
    response.set_cookie("session", new_session(), httponly=True, secure=not DEBUG)
    # ruleid: litestar-set-cookie httpOnly-false secure-false manual
    response.set_cookie("auth_token", token(), httponly=False, secure=not DEBUG)
    # ruleid: litestar-set-cookie secure-conditional conditional
    response.set_cookie(key="sid", value=new_session(), httponly=True, secure=not DEBUG)
    # ruleid: litestar-set-cookie httpOnly-missing secure-missing fixable
    response.set_cookie(Cookie(key="refresh_token", value=refresh(), path="/auth", httponly=True, secure=not DEBUG))
    # ok: litestar-set-cookie
    response.set_cookie("session", new_session(), httponly=True, secure=True)
    # ok: litestar-set-cookie
    response.set_cookie("session", "", max_age=0)
    # ok: litestar-set-cookie
    response.delete_cookie("session")
    return response


@get(
    "/me",
    response_cookies=[
        # ruleid: litestar-set-cookie httpOnly-missing secure-missing fixable
        Cookie(key="visited", value="1", secure=not DEBUG),
        # ok: litestar-set-cookie
        Cookie(key="session", description="The session id", documentation_only=True),
        # ok: litestar-set-cookie
        Cookie(key="session", value=new_session(), secure=True, httponly=True),
    ],
)
async def me() -> dict:
    return {}


@get("/other")
async def other() -> Response:
    # ruleid: litestar-set-cookie secure-missing fixable
    return Response("ok", cookies=[Cookie(key="csrf_token", value=csrf(), httponly=False, secure=not DEBUG)])


def record(recorder: Recorder):
    # ok: litestar-set-cookie
    recorder.set_cookie("session", "x", secure=False)


app = Litestar(route_handlers=[login, me, other])
