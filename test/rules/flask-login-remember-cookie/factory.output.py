import os
from datetime import timedelta

from flask import Flask
from flask_login import LoginManager

login_manager = LoginManager()
DEBUG = os.environ.get("APP_ENV") == "development"


def create_app():
    app = Flask(__name__)
    # ruleid: flask-login-remember-cookie secure-missing fixable
    app.config["REMEMBER_COOKIE_DURATION"] = timedelta(days=14)
    app.config["REMEMBER_COOKIE_SAMESITE"] = "Lax"
    app.config["REMEMBER_COOKIE_SECURE"] = True
    login_manager.init_app(app)
    return app
