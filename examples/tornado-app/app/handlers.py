import tornado.web

from config import settings


class BaseHandler(tornado.web.RequestHandler):
    def get_current_user(self):
        return self.get_signed_cookie("user")


class LoginHandler(BaseHandler):
    def post(self):
        username = self.get_argument("username")
        self.set_signed_cookie("user", username, expires_days=1, **settings.cookie_settings)
        self.redirect("/")


class LogoutHandler(BaseHandler):
    def post(self):
        self.clear_cookie("user")
        self.redirect("/login")


class PreferencesHandler(BaseHandler):
    def post(self):
        theme = self.get_argument("theme", "light")
        self.set_cookie("theme", theme)
        self.redirect("/")
