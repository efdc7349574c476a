from flask import Flask

app = Flask(__name__)
# ruleid: flask-login-remember-cookie secure-missing fixable
app.config.update(
    SESSION_COOKIE_HTTPONLY=True,
    REMEMBER_COOKIE_DURATION=86400,
)
