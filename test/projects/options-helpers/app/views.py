from flask import Flask, make_response, request

from app.cookies import cookie_kwargs

app = Flask(__name__)


@app.route("/login", methods=["POST"])
def login():
    resp = make_response("ok")
    resp.set_cookie("session_id", request.form["token"], **cookie_kwargs())
    return resp
