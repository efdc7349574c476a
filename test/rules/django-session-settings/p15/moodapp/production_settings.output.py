from .settings import *

DEBUG = False
ALLOWED_HOSTS = ["music.example.org"]
# ruleid: django-session-settings secure-false fixable
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_SSL_REDIRECT = False
