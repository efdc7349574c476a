import datetime

import tornado.web


class LogoutHandler(tornado.web.RequestHandler):
    def post(self):
        self.clear_cookie("user")
        self.set_cookie("sid", "", expires_days=-1)
        self.set_secure_cookie("remember", "", expires=datetime.datetime(1970, 1, 1))
        self.redirect("/")
