import tornado.web

# ok: tornado-cookie-settings
cookie_settings = {"secure": True, "httponly": True}


class LoginHandler(tornado.web.RequestHandler):
    def post(self):
        self.set_secure_cookie("user", self.get_argument("user"), **cookie_settings)
