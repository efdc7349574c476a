import os

from flask import Flask

DEBUG = os.environ.get("FLASK_DEBUG") == "1"
app = Flask(__name__)
# ruleid: flask-login-remember-cookie secure-conditional conditional
app.config["REMEMBER_COOKIE_SECURE"] = not DEBUG
# ok: flask-login-remember-cookie
app.config["SESSION_COOKIE_SECURE"] = True
