from tornado import web


class BaseHandler(web.RequestHandler):
    def current_user_id(self):
        return self.get_secure_cookie("user")
