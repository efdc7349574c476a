import environ

from .flags import BEHIND_TLS, LEGACY_HTTP

env = environ.Env()
DEBUG = env.bool("DEBUG", default=False)
INSTALLED_APPS = ["django.contrib.sessions"]
MIDDLEWARE = ["django.middleware.csrf.CsrfViewMiddleware"]

# ruleid: django-session-settings secure-conditional conditional
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=True)
