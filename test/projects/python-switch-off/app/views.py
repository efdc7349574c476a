from flask import Flask, make_response

from app import settings

app = Flask(__name__)


@app.route("/login", methods=["POST"])
def login():
    resp = make_response("ok")
    resp.set_cookie("remember_token", "t", httponly=True, secure=settings.COOKIES_SECURE)
    return resp


@app.route("/theme/<name>")
def theme(name):
    resp = make_response("ok")
    resp.set_cookie("theme", name)
    return resp
