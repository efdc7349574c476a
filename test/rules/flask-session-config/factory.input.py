import os

from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
    # ruleid: flask-session-config secure-missing fixable
    app.config['SESSION_COOKIE_NAME'] = 'csrf_guard'  # historical name, still the session cookie
    app.config['SESSION_COOKIE_SAMESITE'] = 'Lax'
    if app.debug:
        # ok: flask-session-config
        app.config["SESSION_COOKIE_SECURE"] = False
    register_blueprints(app)
    return app
