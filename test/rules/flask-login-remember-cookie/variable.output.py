import os

from flask import Flask

DEBUG = os.environ.get("FLASK_DEBUG") == "1"
# ruleid: flask-login-remember-cookie secure-missing fixable
REMEMBER = {
    "REMEMBER_COOKIE_DURATION": 7 * 24 * 3600,
    "REMEMBER_COOKIE_REFRESH_EACH_REQUEST": True,
    "REMEMBER_COOKIE_SECURE": True,
}

app = Flask(__name__)
app.config.update(REMEMBER)
