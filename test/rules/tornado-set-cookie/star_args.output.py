import tornado.web


class Handler(tornado.web.RequestHandler):
    def remember(self, value, *extra):
        # ruleid: tornado-set-cookie httpOnly-missing secure-missing fixable
        self.set_cookie("session_id", value, *extra, httponly=True, secure=True)
