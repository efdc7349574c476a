from flask import Flask, make_response

app = Flask(__name__)


@app.post("/logout")
def logout():
    resp = make_response("bye")
    resp.set_cookie("session_token", "", expires=0)
    resp.set_cookie("remember", "", max_age=0)
    resp.delete_cookie("theme")
    return resp
