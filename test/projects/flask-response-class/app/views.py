from flask import Blueprint, make_response, redirect, request

bp = Blueprint("views", __name__)


@bp.route("/login", methods=["POST"])
def login():
    resp = make_response(redirect("/"))
    resp.set_cookie("session_token", request.form["token"])
    resp.set_cookie("theme", request.form.get("theme", "light"), max_age=86400)
    return resp
