import tornado.web

from config import settings


class LoginHandler(tornado.web.RequestHandler):
    def post(self):
        user = self.get_argument("user")
        self.set_secure_cookie("user", user, **settings.cookie_settings)


class SessionHandler(tornado.web.RequestHandler):
    def post(self):
        self.set_signed_cookie("session_id", self.new_id(), expires_days=1, **settings.cookie_settings)
