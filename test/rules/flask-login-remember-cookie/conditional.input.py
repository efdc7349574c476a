import os

from flask import Flask

app = Flask(__name__)
DEBUG = os.environ.get("APP_ENV") == "development"
# ruleid: flask-login-remember-cookie secure-conditional conditional
app.config.from_mapping(REMEMBER_COOKIE_SECURE=os.environ.get("HTTPS") == "on", REMEMBER_COOKIE_NAME="xsrf_remember")
# ruleid: flask-login-remember-cookie secure-false manual
app.config.update(REMEMBER_COOKIE_DURATION=3600, REMEMBER_COOKIE_SECURE=DEBUG)
