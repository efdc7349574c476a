from pyramid.authentication import AuthTktAuthenticationPolicy, AuthTktCookieHelper
from pyramid.authorization import ACLAuthorizationPolicy


def includeme(config):
    settings = config.get_settings()
    # ruleid: pyramid-authtkt httpOnly-missing secure-missing fixable
    authn_policy = AuthTktAuthenticationPolicy(settings["auth.secret"], callback=groupfinder, hashalg="sha512", http_only=True, secure=True)
    config.set_authentication_policy(authn_policy)
    config.set_authorization_policy(ACLAuthorizationPolicy())


class SecurityPolicy:
    def __init__(self, secret):
        # ruleid: pyramid-authtkt secure-false fixable
        self.helper = AuthTktCookieHelper(
            secret,
            secure=True,
            http_only=True,
        )


def positional(secret):
    # helper: cookie_name, secure, include_ip, timeout, reissue_time, max_age, http_only
    # ruleid: pyramid-authtkt httpOnly-false fixable
    return AuthTktCookieHelper(secret, "tkt", True, False, None, None, None, True)


def policy_positional(secret):
    # policy: callback, cookie_name, secure, include_ip, timeout, reissue_time, max_age, path, http_only
    # ruleid: pyramid-authtkt httpOnly-false fixable
    return AuthTktAuthenticationPolicy(secret, None, "tkt", True, False, None, None, None, "/", True)


def settings_policy(settings):
    # ruleid: pyramid-authtkt httpOnly-unknown secure-unknown conditional
    return AuthTktAuthenticationPolicy(settings["auth.secret"], **settings["auth.options"])


def done(secret):
    # ok: pyramid-authtkt
    return AuthTktAuthenticationPolicy(secret, secure=True, http_only=True)
