import tornado.web


class MainHandler(tornado.web.RequestHandler):
    def post(self):
        self.set_signed_cookie("user", self.get_argument("user"), **self.settings["cookie_settings"])
        # ruleid: tornado-set-cookie httpOnly-unknown secure-unknown conditional
        self.set_cookie("sid", "x", **self.settings.get("session_cookie_kwargs", {}))
