from .base import *  # noqa: F401,F403

DEBUG = True
SESSION_COOKIE_SECURE = False
SESSION_COOKIE_HTTPONLY = True
# ruleid: django-csrf-settings manual
CSRF_COOKIE_SECURE = False
# ok: django-csrf-settings
CSRF_COOKIE_HTTPONLY = False
