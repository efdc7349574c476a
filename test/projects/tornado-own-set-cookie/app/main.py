import tornado.ioloop
import tornado.web

from app.auth import Auth
from app.handlers import LoginHandler


def make_app():
    auth = Auth("secret")
    return tornado.web.Application([(r"/login", LoginHandler, {"auth": auth})], cookie_secret="secret")


if __name__ == "__main__":
    make_app().listen(8888)
    tornado.ioloop.IOLoop.current().start()
