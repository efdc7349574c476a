# ok: django-csrf-settings
from .common import *  # common.py is generated at deploy time and not in the repository

DEBUG = False
MIDDLEWARE = ["django.contrib.sessions.middleware.SessionMiddleware"]
