import os

from fastapi import APIRouter, Response

router = APIRouter()
IS_PRODUCTION = os.getenv("ENV") == "production"
DEBUG = os.getenv("DEBUG") == "1"
# ruleid: starlette-set-cookie httpOnly-missing secure-missing fixable
REFRESH = {"max_age": 86400, "path": "/auth"}


class CookieTransport:
    def __init__(self, cookie_name: str = "auth", cookie_secure: bool = True, cookie_httponly: bool = True):
        self.cookie_name = cookie_name
        self.cookie_secure = cookie_secure
        self.cookie_httponly = cookie_httponly

    def login(self, response: Response, token: str) -> Response:
        # ruleid: starlette-set-cookie httpOnly-conditional secure-conditional conditional
        response.set_cookie(
            self.cookie_name,
            token,
            secure=self.cookie_secure,
            httponly=self.cookie_httponly,
        )
        return response


@router.post("/token")
def issue(response: Response):
    # ruleid: starlette-set-cookie httpOnly-missing fixable
    response.set_cookie(key="access_token", value=make_jwt(), samesite="none", secure=True, max_age=10000)
    # ruleid: starlette-set-cookie httpOnly-missing secure-missing fixable
    response.set_cookie(key="refresh_token", value=make_refresh())
    # ruleid: starlette-set-cookie secure-conditional conditional
    response.set_cookie("session", sid, httponly=True, secure=IS_PRODUCTION)
    # ruleid: starlette-set-cookie secure-false fixable
    response.set_cookie("session", sid, httponly=True, secure=False)
    # ruleid: starlette-set-cookie secure-missing fixable
    response.set_cookie("csrftoken", csrf, httponly=False)
    # ruleid: starlette-set-cookie secure-conditional conditional
    response.set_cookie("session", sid, httponly=True, secure=not DEBUG)
    response.set_cookie("refresh_token", make_refresh(), **REFRESH)
    # ruleid: starlette-set-cookie httpOnly-unknown secure-unknown conditional
    response.set_cookie("session", sid, **cookie_policy(response))
    # ok: starlette-set-cookie
    response.set_cookie("session", sid, httponly=True, secure=True)
    # ok: starlette-set-cookie
    response.delete_cookie("session")
    return {"ok": True}
