from pyramid.config import Configurator
from pyramid.session import BaseCookieSessionFactory, SignedCookieSessionFactory


def main(global_config, **settings):
    # ruleid: pyramid-session-factory httpOnly-missing secure-missing fixable
    session_factory = SignedCookieSessionFactory(settings["session.secret"], httponly=True, secure=True)
    config = Configurator(settings=settings, session_factory=session_factory)
    return config.make_wsgi_app()


def with_name(settings):
    # ruleid: pyramid-session-factory httpOnly-false secure-false fixable
    return SignedCookieSessionFactory(
        settings["session.secret"],
        cookie_name="myapp_session",
        secure=True,
        httponly=True,
    )


def positional(serializer):
    # cookie_name, max_age, path, domain, secure, httponly
    # ruleid: pyramid-session-factory secure-false fixable
    return BaseCookieSessionFactory(serializer, "sess", None, "/", None, True, True)


def already(settings):
    # ok: pyramid-session-factory
    return SignedCookieSessionFactory(settings["session.secret"], secure=True, httponly=True)


class SignedCookieSessionFactoryStub:
    pass


def not_pyramid():
    # ok: pyramid-session-factory
    return SignedCookieSessionFactoryStub()
