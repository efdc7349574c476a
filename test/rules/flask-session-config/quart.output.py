from quart import Quart

app = Quart(__name__)
app.config["SECRET_KEY"] = load_secret()
# ruleid: flask-session-config secure-missing fixable
app.config["SESSION_COOKIE_SAMESITE"] = "Lax"
app.config["SESSION_COOKIE_SECURE"] = True
