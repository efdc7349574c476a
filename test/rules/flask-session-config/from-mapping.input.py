import os

from flask import Flask

DEBUG = os.environ.get("FLASK_ENV") == "development"


def create_app(test_config=None):
    app = Flask(__name__, instance_relative_config=True)
    # ruleid: flask-session-config secure-conditional conditional
    app.config.from_mapping(SESSION_COOKIE_SECURE=not DEBUG, SESSION_COOKIE_NAME="api_session")
    return app
