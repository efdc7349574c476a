from flask import Flask, make_response, request
from flask.views import MethodView

app = Flask(__name__)

BASE_COOKIE = {"path": "/", "samesite": "Lax"}


def session_cookie_kwargs(remember):
    # ruleid: flask-set-cookie httpOnly-missing secure-missing fixable
    return {
        "max_age": 30 * 86400 if remember else None,
    }


def token_kwargs():
    # ruleid: flask-set-cookie secure-missing fixable
    kwargs = {**BASE_COOKIE, "httponly": True}
    return kwargs


def pick_kwargs():
    if request.is_secure:
        return {"secure": True}
    return {"secure": False}


def pass_through(options):
    return options


def cached_kwargs():
    yield {"httponly": True}
    return {"httponly": True}


# ruleid: flask-set-cookie httpOnly-missing secure-missing fixable
remember_kwargs = lambda: dict(max_age=86400)


@app.route("/login", methods=["POST"])
def login():
    resp = make_response("ok")
    resp.set_cookie("session", request.form["token"], **session_cookie_kwargs(True))
    resp.set_cookie("auth_token", request.form["token"], **token_kwargs())
    # ruleid: flask-set-cookie httpOnly-unknown secure-unknown conditional
    resp.set_cookie("sid", request.form["token"], **pick_kwargs())
    # ruleid: flask-set-cookie httpOnly-unknown secure-unknown conditional
    resp.set_cookie("jwt", request.form["token"], **pass_through({"httponly": True}))
    resp.set_cookie("remember_token", request.form["token"], **remember_kwargs())
    # ruleid: flask-set-cookie httpOnly-unknown secure-unknown conditional
    resp.set_cookie("user_session", request.form["token"], **cached_kwargs())
    return resp


class LoginView(MethodView):
    # ruleid: flask-set-cookie httpOnly-missing secure-missing fixable
    cookie_options = {"max_age": 3600}

    def __init__(self):
        # ruleid: flask-set-cookie httpOnly-missing secure-missing fixable
        self.refresh_options = {"max_age": 86400}
        self.tracking = {"httponly": False}
        self.tracking["httponly"] = request.is_secure

    def session_options(self):
        # ruleid: flask-set-cookie secure-missing fixable
        return {"httponly": True}

    def post(self):
        resp = make_response("ok")
        resp.set_cookie("session_id", request.form["token"], **self.cookie_options)
        resp.set_cookie("refresh_token", request.form["token"], **self.refresh_options)
        resp.set_cookie("auth", request.form["token"], **self.session_options())
        # ruleid: flask-set-cookie httpOnly-unknown secure-unknown conditional
        resp.set_cookie("tracking_id", request.form["token"], **self.tracking)
        return resp
