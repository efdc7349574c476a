from flask import Flask


class Config:
    SECRET_KEY = "change-me"

    @classmethod
    def init_app(cls, app):
        # A classmethod that configures the app at start-up is configuration, not a request hook.
        app.config["SECRET_KEY"] = cls.SECRET_KEY
        # ruleid: flask-session-config secure-missing fixable
        app.config["SESSION_COOKIE_SAMESITE"] = "Lax"


app = Flask(__name__)
Config.init_app(app)
