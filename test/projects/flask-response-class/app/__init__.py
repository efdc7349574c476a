from flask import Flask

from app.responses import AppResponse


def create_app():
    app = Flask(__name__)
    app.response_class = AppResponse
    from app import views

    app.register_blueprint(views.bp)
    return app
