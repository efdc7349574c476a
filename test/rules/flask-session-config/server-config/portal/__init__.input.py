from flask import Flask


def create_app(config="portal.config.Config"):
    app = Flask(__name__)
    with app.app_context():
        app.config.from_object(config)
    return app
