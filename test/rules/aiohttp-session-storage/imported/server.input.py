import aiohttp_session
from aiohttp_session.nacl_storage import NaclCookieStorage
from cryptography import fernet

from session_config import COOKIE


def init(app, box_key):
    aiohttp_session.setup(app, NaclCookieStorage(box_key, **COOKIE))
    # ok: aiohttp-session-storage
    storage = SimpleCookieStorage()  # a project class of the same name, not aiohttp_session's
    return fernet.Fernet.generate_key()
