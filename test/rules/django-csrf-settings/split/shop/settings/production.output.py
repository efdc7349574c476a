from .base import *  # noqa: F401,F403

DEBUG = False
ALLOWED_HOSTS = ["shop.example.com"]
SESSION_ENGINE = "django.contrib.sessions.backends.cache"
# ruleid: django-csrf-settings secure-missing fixable
SECURE_HSTS_SECONDS = 31536000
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
