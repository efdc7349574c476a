from webob.cookies import SignedCookieProfile


def scheme(request, secret):
    # ruleid: webob-cookie-profile secure-conditional conditional
    return SignedCookieProfile(secret, "salt", "auth", httponly=True, secure=request.scheme == "https")


def per_request(request, secret):
    # the project's convention: Secure follows the request
    # ruleid: webob-cookie-profile secure-missing fixable
    return SignedCookieProfile(secret, "salt", "other", httponly=True).bind(request)
