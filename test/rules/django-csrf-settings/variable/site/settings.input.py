from .flags import BEHIND_TLS, LEGACY_HTTP

DEBUG = False
INSTALLED_APPS = ["django.contrib.sessions"]
SESSION_COOKIE_SECURE = BEHIND_TLS
# ruleid: django-csrf-settings secure-false fixable
CSRF_COOKIE_SECURE = LEGACY_HTTP
