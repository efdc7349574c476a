import os

from flask import Flask

app = Flask(__name__)

# ruleid: flask-session-config secure-missing fixable
app.config.update(
    SECRET_KEY=os.environ["SECRET_KEY"],
    SESSION_COOKIE_HTTPONLY=True,
    SESSION_COOKIE_SAMESITE="Strict",
    SESSION_COOKIE_SECURE=True,
)
# ok: flask-session-config
app.config.update(MAX_CONTENT_LENGTH=16 * 1024 * 1024)
