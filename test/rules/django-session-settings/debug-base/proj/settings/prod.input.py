from .base import *

DEBUG = False
SESSION_COOKIE_AGE = 3600
