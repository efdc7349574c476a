import tornado.web


class Handler(tornado.web.RequestHandler):
    def remember(self, value, *extra, httponly=True, secure=True):
        # ruleid: tornado-set-cookie httpOnly-missing secure-missing fixable
        self.set_cookie("session_id", value, *extra, httponly=True, secure=True)
