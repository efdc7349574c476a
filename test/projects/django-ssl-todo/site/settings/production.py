from .base import *

DEBUG = False
ALLOWED_HOSTS = ["board.example.org"]

# TODO: until SSL is added the site is served over HTTP
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
