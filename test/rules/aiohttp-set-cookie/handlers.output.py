from aiohttp import web

from settings import DEBUG

routes = web.RouteTableDef()
# ruleid: aiohttp-set-cookie httpOnly-missing secure-missing fixable
AUTH_COOKIE = {"max_age": 86400, "httponly": True, "secure": not DEBUG}


@routes.post("/login")
async def login(request: web.Request) -> web.Response:
    resp = web.json_response({"ok": True})
    # ruleid: aiohttp-set-cookie httpOnly-missing secure-missing fixable
    resp.set_cookie("AIOHTTP_TOKEN", await issue(request), httponly=True, secure=not DEBUG)
    # ruleid: aiohttp-set-cookie httpOnly-false secure-false fixable
    resp.set_cookie("user_id", str(uid), secure=not DEBUG, httponly=None)
    # ruleid: aiohttp-set-cookie secure-false manual
    resp.set_cookie("session", sid, httponly=True, secure=DEBUG)
    # ruleid: aiohttp-set-cookie secure-conditional conditional
    resp.set_cookie("session", sid, httponly=True, secure=request.secure)
    resp.set_cookie("auth", token, **AUTH_COOKIE)
    # ruleid: aiohttp-set-cookie httpOnly-unknown secure-unknown conditional
    resp.set_cookie("auth", token, **request.app["cookie_kwargs"])
    # ruleid: aiohttp-set-cookie secure-missing fixable
    resp.set_cookie("XSRF-TOKEN", csrf, samesite="Strict", secure=not DEBUG)
    # ruleid: aiohttp-set-cookie secure-conditional conditional
    resp.set_cookie("session", sid, httponly=True, secure=not DEBUG)
    # ok: aiohttp-set-cookie
    resp.set_cookie("session", sid, httponly=True, secure=True)
    # ok: aiohttp-set-cookie
    resp.del_cookie("session")
    return resp


async def fetch(session, url):
    # ok: aiohttp-set-cookie
    session.cookie_jar.update_cookies({"a": "b"})
