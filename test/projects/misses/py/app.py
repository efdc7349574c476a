from flask import Flask, make_response

app = Flask(__name__)


@app.route("/login", methods=["POST"])
def login():
    response = make_response("ok")
    response.headers["Set-Cookie"] = f"session_id={new_session()}; Path=/; HttpOnly"
    return response


def new_session():
    return "s"
