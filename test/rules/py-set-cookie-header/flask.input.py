from flask import Flask, make_response

app = Flask(__name__)


@app.route("/login", methods=["POST"])
def login():
    response = make_response("ok")
    token = issue_token()
    # ruleid: py-set-cookie-header secure-missing fixable
    response.headers["Set-Cookie"] = f"auth_token={token}; Path=/; HttpOnly"
    # ruleid: py-set-cookie-header httpOnly-missing secure-missing fixable
    response.headers.add("Set-Cookie", "session_id=%s; Path=/" % token)
    # ruleid: py-set-cookie-header httpOnly-missing secure-missing fixable
    response.headers.add('Set-Cookie', 'theme=dark; Path=/;')
    # ruleid: py-set-cookie-header secure-missing fixable
    response.headers.add("Set-Cookie", "csrftoken=" + token + "; Path=/")
    # ruleid: py-set-cookie-header httpOnly-missing secure-missing manual
    response.headers.add("Set-Cookie", f"sid={token}; Max-Age={60 * 60}")
    # ok: py-set-cookie-header
    response.headers.add("Set-Cookie", "sid=; Max-Age=0; Path=/")
    # ok: py-set-cookie-header
    response.headers.add("Set-Cookie", "seen=1; Path=/; Secure; HttpOnly")
    # ok: py-set-cookie-header
    response.headers["Content-Type"] = "text/plain; charset=utf-8"
    return response


def issue_token():
    return "t"
