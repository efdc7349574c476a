from bottle import response, route

from cookie_options import SESSION_COOKIE


@route("/login", method="POST")
def login():
    response.set_cookie("session_id", new_session(), **SESSION_COOKIE)
    return "ok"
