from . import auth_base
from .auth_base import TokenBase


class Login(auth_base.AuthBase):
    def post(self):
        # ruleid: tornado-set-cookie httpOnly-missing secure-missing fixable
        self.set_signed_cookie("user", self.get_argument("user"))
        # ruleid: tornado-set-cookie secure-missing fixable
        self.set_cookie("sid", self.sid, httponly=True)


class Refresh(TokenBase):
    def post(self):
        # ok: tornado-set-cookie
        self.set_secure_cookie(self.new_token())
        # ruleid: tornado-set-cookie httpOnly-missing secure-missing fixable
        self.set_signed_cookie("user", self.user)
