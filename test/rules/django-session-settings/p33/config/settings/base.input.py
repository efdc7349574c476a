from .session import *

INSTALLED_APPS = ["django.contrib.sessions", "monitor"]
MIDDLEWARE = ["django.contrib.sessions.middleware.SessionMiddleware"]
# ok: django-session-settings
CSRF_COOKIE_SECURE = True
