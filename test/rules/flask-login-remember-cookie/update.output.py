import os

from flask import Flask

app = Flask(__name__)
DEBUG = os.environ.get("APP_ENV") == "development"
# ruleid: flask-login-remember-cookie httpOnly-false secure-false fixable
app.config.update(REMEMBER_COOKIE_HTTPONLY=True, REMEMBER_COOKIE_SECURE=True)
