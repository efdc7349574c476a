from .flags import BEHIND_TLS, LEGACY_HTTP

USE_HTTPS = False
INSTALLED_APPS = ["django.contrib.sessions"]
# ruleid: django-session-settings httpOnly-false secure-false manual
SESSION_COOKIE_SECURE = USE_HTTPS
# ok: django-csrf-settings
CSRF_COOKIE_SECURE = BEHIND_TLS
SESSION_COOKIE_HTTPONLY = LEGACY_HTTP
