import os

DEBUG = os.environ.get("DJANGO_DEBUG") == "1"
INSTALLED_APPS = ["django.contrib.sessions"]
CSRF_COOKIE_SECURE = True

if not DEBUG:
    # ok: django-session-settings
    SESSION_COOKIE_SECURE = True
