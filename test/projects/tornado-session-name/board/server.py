import tornado.ioloop
import tornado.web

from board import handlers


def make_app():
    return tornado.web.Application([(r"/", handlers.IndexHandler)])


if __name__ == "__main__":
    make_app().listen(8888)
    tornado.ioloop.IOLoop.current().start()
