import tornado.web


class PrefsHandler(tornado.web.RequestHandler):
    def post(self):
        # ruleid: tornado-set-cookie httpOnly-missing secure-missing fixable
        self.set_cookie("lang", self.get_argument("lang"))
