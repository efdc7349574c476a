import tornado.web


class AuthHandler(tornado.web.RequestHandler):
    def get(self):
        # ruleid: tornado-set-cookie httpOnly-missing secure-missing fixable
        self.set_secure_cookie("user", self.current_user, httponly=True, secure=True)
        # ruleid: tornado-set-cookie httpOnly-missing secure-missing fixable
        self.set_signed_cookie("oauth_state", state, expires_days=None, httponly=True, secure=True)
        # ruleid: tornado-set-cookie secure-missing fixable
        self.set_cookie("sid", sid, HttpOnly=True, secure=True)
        # ruleid: tornado-set-cookie httpOnly-false secure-false manual
        self.set_cookie("session", sid, httponly=False, secure=True)
        # ruleid: tornado-set-cookie httpOnly-missing secure-missing fixable
        self.set_cookie(
            "token",
            token,
            expires_days=30,
            httponly=True,
            secure=True,
        )
        # ruleid: tornado-set-cookie httpOnly-missing secure-missing fixable
        self.set_cookie("theme", "dark", secure=True)  # preference
        # ruleid: tornado-set-cookie secure-conditional conditional
        self.set_cookie("sid", sid, httponly=True, secure=not self.settings["debug"])
        # ruleid: tornado-set-cookie secure-false manual
        self.set_cookie("sid", sid, httponly=True, secure=options.debug)
        # ok: tornado-set-cookie
        self.set_secure_cookie("user", uid, httponly=True, secure=True)
        # ok: tornado-set-cookie
        self.clear_cookie("user")

    def set_cookie(self, name, value, **kwargs):
        kwargs.setdefault("samesite", "Lax")
        # ok: tornado-set-cookie
        super().set_cookie(name, value, **kwargs)
