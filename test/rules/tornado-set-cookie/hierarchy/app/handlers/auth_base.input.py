from app.handlers.base import BaseHandler


class AuthBase(BaseHandler):
    """Adds nothing cookie-related: calls still reach Tornado's methods."""


class TokenBase(BaseHandler):
    def set_secure_cookie(self, token):
        self.set_cookie("token", token, httponly=True, secure=True)
