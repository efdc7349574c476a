import tornado.web

from app.auth import Auth


class LoginHandler(tornado.web.RequestHandler):
    def initialize(self, auth: Auth):
        self.auth = auth

    def post(self):
        user = self.get_argument("user")
        token = self.auth.new_token()
        self.auth.set_cookie(self, token)
        self.write({"user": user})
