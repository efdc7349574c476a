from flask import Flask

app = Flask(__name__)
app.config.from_object("settings")
# ok: flask-session-config
app.config["SESSION_COOKIE_SAMESITE"] = "Lax"
# ok: flask-session-config
app.config["SESSION_COOKIE_SECURE"] = True
