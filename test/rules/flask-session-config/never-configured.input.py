import os

from flask import Flask, session

app = Flask(__name__)
# ok: flask-session-config
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
# ok: flask-session-config
app.config.update(WTF_CSRF_ENABLED=True, WTF_CSRF_SSL_STRICT=True)


class Config:
    # ok: flask-session-config
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL")
