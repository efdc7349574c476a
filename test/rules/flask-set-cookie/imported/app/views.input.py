from flask import Blueprint, make_response

from . import cookies
from .cookies import AUTH_COOKIE

bp = Blueprint("auth", __name__)


@bp.post("/login")
def login():
    resp = make_response("ok")
    resp.set_cookie("auth", make_token(), **AUTH_COOKIE)
    resp.set_cookie("lang", "en", **cookies.PREFERENCES)
    return resp
