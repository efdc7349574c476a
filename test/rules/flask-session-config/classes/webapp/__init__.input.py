from flask import Flask

from webapp.config import config


def create_app(name="production"):
    app = Flask(__name__)
    app.config.from_object(config[name])
    return app
