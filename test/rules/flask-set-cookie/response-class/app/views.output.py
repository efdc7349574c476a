from flask import make_response, redirect
from werkzeug.wrappers import Response

from app import app
from app.responses import AppResponse


@app.route("/login", methods=["POST"])
def login():
    resp = make_response(redirect("/"))
    # ok: flask-set-cookie
    resp.set_cookie("session_token", new_token())
    return resp


@app.route("/plain")
def plain():
    own = AppResponse("ok")
    # ok: flask-set-cookie
    own.set_cookie("sid", sid)
    raw = Response("ok")
    # ruleid: flask-set-cookie httpOnly-missing secure-missing fixable
    raw.set_cookie("sid", sid, httponly=True, secure=True)
    return raw
