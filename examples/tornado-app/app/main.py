import tornado.ioloop
import tornado.web

from app.handlers import LoginHandler, LogoutHandler, PreferencesHandler
from config import settings


def make_app():
    return tornado.web.Application(
        [
            (r"/login", LoginHandler),
            (r"/logout", LogoutHandler),
            (r"/preferences", PreferencesHandler),
        ],
        **settings.application_settings,
    )


if __name__ == "__main__":
    make_app().listen(8888)
    tornado.ioloop.IOLoop.current().start()
