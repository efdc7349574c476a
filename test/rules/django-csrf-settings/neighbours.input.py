import os

INSTALLED_APPS = ["django.contrib.sessions"]
SECRET_KEY = os.environ["SECRET_KEY"]
SESSION_COOKIE_SECURE = True
# ruleid: django-csrf-settings secure-missing fixable
SESSION_COOKIE_SAMESITE = "Strict"  # cross-site embeds are not supported

LOGGING = {}
