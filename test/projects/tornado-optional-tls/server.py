import tornado.ioloop
import tornado.web
from tornado.options import define, options

define("port", default=8888)
define("certfile", default=None, help="TLS certificate; HTTPS only when given")
define("keyfile", default=None)


class PreferencesHandler(tornado.web.RequestHandler):
    def post(self):
        self.set_cookie("theme", self.get_argument("theme"))
        self.write("ok")


def main():
    options.parse_command_line()
    app = tornado.web.Application([(r"/preferences", PreferencesHandler)])
    ssl_options = None
    if options.certfile:
        ssl_options = {"certfile": options.certfile, "keyfile": options.keyfile}
    app.listen(options.port, ssl_options=ssl_options)
    tornado.ioloop.IOLoop.current().start()


if __name__ == "__main__":
    main()
