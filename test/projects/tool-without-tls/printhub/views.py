from flask import Blueprint, make_response, request

views = Blueprint("views", __name__)


@views.post("/logout")
def logout():
    response = make_response("", 204)
    response.set_cookie("logged_out", "1", httponly=True)
    return response


def csrf_response(response, token):
    response.set_cookie("csrf_token", token, httponly=False)
    return response
