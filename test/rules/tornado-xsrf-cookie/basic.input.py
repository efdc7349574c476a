import tornado.web

settings = {
    "cookie_secret": "x",
    # ruleid: tornado-xsrf-cookie secure-missing fixable
    "xsrf_cookies": True,
}

app = tornado.web.Application(
    [],
    xsrf_cookies=True,
    # ruleid: tornado-xsrf-cookie secure-missing fixable
    xsrf_cookie_kwargs={"samesite": "Strict"},
)

other = tornado.web.Application(
    [],
    xsrf_cookies=True,
    # ruleid: tornado-xsrf-cookie secure-false fixable
    xsrf_cookie_kwargs=dict(secure=False),
)

# ok: tornado-xsrf-cookie
secured = tornado.web.Application([], xsrf_cookies=True, xsrf_cookie_kwargs={"secure": True})

overrides = load_overrides()
server_settings = dict(
    # ruleid: tornado-xsrf-cookie secure-missing manual
    xsrf_cookies=True,
    cookie_secret="x",
)
server_settings.update(overrides)
