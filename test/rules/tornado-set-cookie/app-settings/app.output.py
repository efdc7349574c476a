import tornado.web

from handlers import MainHandler

# ruleid: tornado-set-cookie httpOnly-missing fixable
COOKIE_OPTIONS = {
    'secure': True,
    'samesite': 'Lax',
    'httponly': True,
}


def make_app():
    return tornado.web.Application(
        [(r"/", MainHandler)],
        cookie_secret="secret",
        cookie_settings=COOKIE_OPTIONS,
    )
