from .base import *

DEBUG = True
SESSION_COOKIE_AGE = 86400
