from flask import make_response


class CookieViews:
    COOKIE = {"httponly": True, "secure": True}


class LegacyViews(CookieViews):
    def login(self):
        # The subclass changes the dict it inherits, so the base's literal is not what reaches the call.
        self.COOKIE["secure"] = False
        response = make_response("")
        # ruleid: flask-set-cookie httpOnly-unknown secure-unknown conditional
        response.set_cookie("sid", "x", **self.COOKIE)
        return response
