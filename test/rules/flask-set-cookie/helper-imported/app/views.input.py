from flask import Blueprint, make_response, request

from app.cookies import CookieConfig, cookie_kwargs
from . import cookies

bp = Blueprint("views", __name__)

COOKIE_OPTIONS = {"httponly": True, "secure": True}


@bp.route("/login", methods=["POST"])
def login():
    resp = make_response("ok")
    resp.set_cookie("session", request.form["token"], **cookie_kwargs(request))
    resp.set_cookie("remember_token", request.form["token"], **CookieConfig.REMEMBER)
    resp.set_cookie("theme", request.form["theme"], **CookieConfig.preferences())
    return resp


def refresh(resp, COOKIE_OPTIONS):
    # ruleid: flask-set-cookie httpOnly-unknown secure-unknown conditional
    resp.set_cookie("session", request.form["token"], **COOKIE_OPTIONS)
    resp.set_cookie("session", request.form["token"], **cookies.cookie_kwargs(request, 60))
    return resp
