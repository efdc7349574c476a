from flask import Flask

app = Flask(__name__)
# ruleid: flask-session-config httpOnly-false fixable
app.config.update(SESSION_COOKIE_HTTPONLY=False, SESSION_COOKIE_SECURE=True)
