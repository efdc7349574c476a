from pyramid.session import SignedCookieSessionFactory
from pyramid.settings import asbool


def from_settings(settings):
    # ruleid: pyramid-session-factory secure-conditional conditional
    return SignedCookieSessionFactory(
        settings["session.secret"],
        secure=asbool(settings.get("session.secure", False)),
        httponly=True,
    )
