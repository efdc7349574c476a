# Cookie options shared by the views.

# ruleid: flask-set-cookie secure-missing fixable
AUTH_COOKIE = {
    'httponly': True,
    'samesite': 'Lax',
}

# ruleid: flask-set-cookie httpOnly-missing secure-false fixable
PREFERENCES = dict(secure=False, max_age=86400)


def set_login_cookie(response, token):
    # ruleid: flask-set-cookie httpOnly-missing secure-missing fixable
    response.set_cookie("login_token", token)
