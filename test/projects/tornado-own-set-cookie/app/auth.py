"""Login tokens. The cookie flags are decided here, once, for every handler."""
import secrets


class Auth:
    def __init__(self, secret):
        self.secret = secret

    def new_token(self):
        return secrets.token_urlsafe(32)

    def set_cookie(self, handler, token):
        handler.set_secure_cookie("token", token, httponly=True, secure=True, samesite="Lax")

    def login(self, handler, user):
        token = self.new_token()
        self.set_cookie(handler, token)
        return token
