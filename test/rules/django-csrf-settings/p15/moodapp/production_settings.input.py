from .settings import *

DEBUG = False
ALLOWED_HOSTS = ["music.example.org"]
SESSION_COOKIE_SECURE = False
# ruleid: django-csrf-settings secure-false manual
CSRF_COOKIE_SECURE = False
SECURE_SSL_REDIRECT = False
