import tornado.web


class LoginHandler(tornado.web.RequestHandler):
    def post(self):
        sid = self.get_argument("sid")
        # ruleid: py-set-cookie-header httpOnly-missing secure-missing fixable
        self.add_header("Set-Cookie", f"sid={sid}; Path=/")
        # ruleid: py-set-cookie-header secure-conditional conditional
        self.set_header("Set-Cookie", f"sid={sid}; HttpOnly{'; Secure' if self.request.protocol == 'https' else ''}")


def app(environ, start_response):
    headers = [
        ("Content-Type", "text/plain"),
        # ruleid: py-set-cookie-header httpOnly-missing secure-missing fixable
        ("Set-Cookie", 'session=abc; Path=/'),
    ]
    start_response("200 OK", headers)
    return [b"ok"]


def other(value):
    # ruleid: py-set-cookie-header httpOnly-missing secure-missing ignored
    # cookie-hardener-ignore: plain-HTTP kiosk
    return {"Set-Cookie": "kiosk_session=" + value + "; Path=/"}
