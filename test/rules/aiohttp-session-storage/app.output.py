import base64
import os

from aiohttp import web
from aiohttp_session import setup
from aiohttp_session import redis_storage
from aiohttp_session.cookie_storage import EncryptedCookieStorage

SECRET = base64.urlsafe_b64decode(os.environ["SESSION_KEY"])
DEV = os.environ.get("APP_ENV") == "development"
# ruleid: aiohttp-session-storage secure-missing fixable
STORAGE_OPTIONS = {"cookie_name": "sid", "max_age": 3600, "secure": not DEV}


def make_app(redis):
    app = web.Application()
    # ruleid: aiohttp-session-storage secure-missing fixable
    setup(app, EncryptedCookieStorage(SECRET, max_age=3600, secure=not DEV))
    # ruleid: aiohttp-session-storage httpOnly-false secure-false fixable
    setup(app, EncryptedCookieStorage(SECRET, httponly=True, secure=not DEV))
    # ruleid: aiohttp-session-storage secure-conditional conditional
    setup(app, EncryptedCookieStorage(SECRET, secure=not DEV))
    # ruleid: aiohttp-session-storage secure-false manual
    setup(app, EncryptedCookieStorage(SECRET, secure=DEV))
    setup(app, redis_storage.RedisStorage(redis, **STORAGE_OPTIONS))
    # ruleid: aiohttp-session-storage httpOnly-unknown secure-unknown conditional
    setup(app, redis_storage.RedisStorage(redis, **app["session_options"]))
    # ruleid: aiohttp-session-storage secure-missing fixable
    setup(app, EncryptedCookieStorage(
        SECRET,
        cookie_name="XSRF_SESSION",
        secure=not DEV,
    ))
    # ok: aiohttp-session-storage
    setup(app, EncryptedCookieStorage(SECRET, secure=True))
    # ok: aiohttp-session-storage
    setup(app, EncryptedCookieStorage(SECRET, secure=True, httponly=True, samesite="Lax"))
    return app
