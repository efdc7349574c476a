import webob.cookies
from webob.cookies import CookieProfile, SignedCookieProfile


def auth_cookie(settings):
    # ruleid: webob-cookie-profile httpOnly-missing secure-missing fixable
    return SignedCookieProfile(
        secret=settings["auth.secret"],
        salt="auth",
        cookie_name="auth",
        max_age=3600,
        httponly=True,
        secure=True,
    )


def api_cookie(settings):
    # ruleid: webob-cookie-profile secure-false fixable
    return webob.cookies.SignedCookieProfile(settings["api.secret"], "api", "api_auth", True, None, True)


def theme_cookie():
    # ruleid: webob-cookie-profile httpOnly-missing secure-missing fixable
    return CookieProfile("theme", secure=True)


def bound(request, secret):
    # ruleid: webob-cookie-profile httpOnly-missing secure-missing fixable
    profile = SignedCookieProfile(secret, "salt", "sess", httponly=True, secure=True)
    return profile.bind(request)


def done(secret):
    # ok: webob-cookie-profile
    return SignedCookieProfile(secret, "salt", "auth", secure=True, httponly=True, samesite="lax")


class CookieProfile2:
    pass


# ok: webob-cookie-profile
other = CookieProfile2()
