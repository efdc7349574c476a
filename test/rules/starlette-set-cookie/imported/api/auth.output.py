from starlette.responses import JSONResponse

from api import cookies
from api.cookies import SESSION_COOKIE


async def login(request):
    resp = JSONResponse({"ok": True})
    resp.set_cookie("session", new_session(), **SESSION_COOKIE)
    resp.set_cookie("auth", token(), **cookies.CONFIGURED)
    # ruleid: starlette-set-cookie httpOnly-missing secure-missing fixable
    resp.set_cookie("jwt", token(), httponly=True, secure=True)
    return resp
