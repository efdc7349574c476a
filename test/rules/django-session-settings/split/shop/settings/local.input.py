from .base import *  # noqa: F401,F403

DEBUG = True
# ruleid: django-session-settings manual
SESSION_COOKIE_SECURE = False
# ok: django-session-settings
SESSION_COOKIE_HTTPONLY = True
