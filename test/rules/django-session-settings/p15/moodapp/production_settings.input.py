from .settings import *

DEBUG = False
ALLOWED_HOSTS = ["music.example.org"]
# ruleid: django-session-settings secure-false manual
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_SSL_REDIRECT = False
