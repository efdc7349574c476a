import environ

from .flags import BEHIND_TLS, LEGACY_HTTP

env = environ.Env()
DEBUG = env.bool("DEBUG", default=False)
INSTALLED_APPS = ["django.contrib.sessions"]
MIDDLEWARE = ["django.middleware.csrf.CsrfViewMiddleware"]

SESSION_COOKIE_SECURE = not DEBUG
# ruleid: django-csrf-settings secure-conditional conditional
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=True)
# ok: django-csrf-settings
CSRF_COOKIE_HTTPONLY = not DEBUG
