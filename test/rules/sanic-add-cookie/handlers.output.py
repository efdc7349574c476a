import os

from sanic import Sanic
from sanic.response import json, redirect, text

app = Sanic("shop")
DEBUG = os.environ.get("SANIC_DEBUG") == "1"


class FakeResponse:
    """Used in tests: its add_cookie is the project's own."""

    def __init__(self):
        self.added = []

    def add_cookie(self, key, value, **options):
        self.added.append((key, value, options))


@app.post("/login")
async def login(request):
    response = redirect("/")
    # ruleid: sanic-add-cookie httpOnly-missing fixable
    response.add_cookie("session", new_session(), httponly=True)
    # ruleid: sanic-add-cookie secure-false fixable
    response.add_cookie("session", new_session(), httponly=True, secure=not DEBUG)
    # ruleid: sanic-add-cookie httpOnly-missing fixable
    response.cookies.add_cookie(
        "auth_token",
        token(),
        max_age=3600,
        httponly=True,
    )
    # ruleid: sanic-add-cookie secure-conditional conditional
    response.add_cookie("sid", new_session(), httponly=True, secure=not DEBUG)
    # ruleid: sanic-add-cookie httpOnly-false manual
    response.add_cookie("remember", token(), httponly=False)
    # ok: sanic-add-cookie
    response.add_cookie("session", new_session(), httponly=True)
    # ok: sanic-add-cookie
    response.add_cookie("session", new_session(), httponly=True, secure=True, samesite="Strict")
    return response


@app.get("/logout")
async def logout(request):
    response = text("bye")
    # ok: sanic-add-cookie
    response.add_cookie("session", "", max_age=0)
    # ok: sanic-add-cookie
    response.delete_cookie("session")
    # ok: sanic-add-cookie
    response.cookies.delete_cookie("session")
    return response


def fake_login(fake: FakeResponse):
    # ok: sanic-add-cookie
    fake.add_cookie("session", "x", secure=False)
