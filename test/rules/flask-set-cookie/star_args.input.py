from flask import Flask, make_response

app = Flask(__name__)


def remember(response, name, value, *cookie_args):
    # ruleid: flask-set-cookie httpOnly-unknown secure-unknown conditional
    response.set_cookie(name, value, *cookie_args)
    # ruleid: flask-set-cookie httpOnly-unknown conditional
    response.set_cookie("theme", value, *cookie_args, secure=True)
    return response


@app.route("/")
def index():
    return remember(make_response("ok"), "sid", "x", 3600)
