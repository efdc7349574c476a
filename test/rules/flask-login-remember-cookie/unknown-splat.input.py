from flask import Flask

from .extra import REMEMBER

app = Flask(__name__)
# ruleid: flask-login-remember-cookie secure-unknown conditional
app.config.update(REMEMBER_COOKIE_DURATION=3600, **REMEMBER)
