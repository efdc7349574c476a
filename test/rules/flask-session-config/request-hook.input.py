import os

from flask import Flask, request


def create_app():
    app = Flask(__name__)
    app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
    # ruleid: flask-session-config secure-missing fixable
    app.config["SESSION_COOKIE_SAMESITE"] = "Lax"

    @app.before_request
    def follow_prefix():
        # Per-request tweaks behind a reverse proxy's prefix: not where the app's settings live.
        if os.getenv("USE_X_SETTINGS") and "X-Forwarded-Prefix" in request.headers:
            app.config["SESSION_COOKIE_PATH"] = request.headers["X-Forwarded-Prefix"]

    return app
