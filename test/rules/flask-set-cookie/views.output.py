import os

from flask import Flask, make_response, redirect, request

app = Flask(__name__)
DEBUG = os.environ.get("FLASK_DEBUG") == "1"
# ruleid: flask-set-cookie httpOnly-missing secure-missing fixable
COOKIE_KWARGS = {"max_age": 3600, "samesite": "Lax", "httponly": True, "secure": not DEBUG}


@app.route("/login", methods=["POST"])
def login():
    resp = make_response(redirect("/"))
    # ruleid: flask-set-cookie httpOnly-missing secure-missing fixable
    resp.set_cookie("session_token", new_token(), httponly=True, secure=not DEBUG)
    # ruleid: flask-set-cookie httpOnly-false secure-false fixable
    resp.set_cookie("remember", "1", httponly=False, secure=not DEBUG)
    # ruleid: flask-set-cookie secure-conditional conditional
    resp.set_cookie("sid", sid, httponly=True, secure=not DEBUG)
    # ruleid: flask-set-cookie secure-conditional conditional
    resp.set_cookie("auth", tok, httponly=True, secure=os.environ.get("COOKIE_SECURE") == "1")
    # ruleid: flask-set-cookie secure-false manual
    resp.set_cookie("auth", tok, httponly=True, secure=DEBUG)
    # ruleid: flask-set-cookie secure-missing fixable
    resp.set_cookie(
        'csrf_token',
        generate_csrf(),
        samesite='Strict',
        secure=not DEBUG,
    )
    # ruleid: flask-set-cookie httpOnly-missing secure-missing fixable
    resp.set_cookie("theme", request.args["theme"], path="/", secure=not DEBUG)
    # the dict above is the site
    resp.set_cookie("sid", sid, **COOKIE_KWARGS)
    # ruleid: flask-set-cookie httpOnly-unknown secure-unknown conditional
    resp.set_cookie("sid", sid, **request.cookie_options)
    # ok: flask-set-cookie
    resp.set_cookie("sid", sid, httponly=True, secure=True, samesite="Lax")
    # ok: flask-set-cookie
    resp.set_cookie("session", "", expires=0)
    # ok: flask-set-cookie
    resp.set_cookie("session", None)
    # ok: flask-set-cookie
    resp.delete_cookie("session")
    return resp


def wrap(response, name, value, **kwargs):
    # ok: flask-set-cookie
    response.set_cookie(name, value, **kwargs)


def copy_into(jar, cookie):
    # ok: flask-set-cookie
    jar.set_cookie(cookie)
