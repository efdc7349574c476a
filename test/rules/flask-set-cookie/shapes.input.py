from datetime import datetime

from flask import Flask, make_response

app = Flask(__name__)


class Remember:
    def __init__(self, store):
        self.store = store

    def set_cookie(self, response, token):
        # ruleid: flask-set-cookie httpOnly-missing manual
        response.set_cookie("remember", token, secure=True)

    def remember(self, response, token):
        # ok: flask-set-cookie
        self.set_cookie(response, token)


@app.route("/logout")
def logout():
    resp = make_response("bye")
    # ok: flask-set-cookie
    resp.set_cookie("sid", "", max_age=0)
    # ok: flask-set-cookie
    resp.set_cookie("sid", "gone", expires=datetime(1970, 1, 1))
    # ok: flask-set-cookie
    resp.set_cookie("sid", "gone", expires="Thu, 01 Jan 1970 00:00:00 GMT")
    # ok: flask-set-cookie
    resp.set_cookie("sid", "gone", 0)
    # ok: flask-set-cookie
    resp.delete_cookie("sid")
    # ruleid: flask-set-cookie httpOnly-unknown secure-unknown conditional
    resp.set_cookie("sid", sid, token=token)
    return resp
