import os

from flask import Flask

# ruleid: flask-session-config secure-missing fixable
SESSION_SETTINGS = {"SESSION_COOKIE_NAME": "app_session", "SESSION_COOKIE_SAMESITE": "Lax", "SESSION_COOKIE_SECURE": True}

app = Flask(__name__)
app.config.update(**SESSION_SETTINGS)
