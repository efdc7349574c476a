from flask import Flask

from .defaults import load_overrides

app = Flask(__name__)
# ruleid: flask-session-config secure-unknown conditional
app.config.update(SESSION_COOKIE_SAMESITE="Lax", **load_overrides())
