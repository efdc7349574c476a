# Production settings: nothing here says a cookie word.
from .base import *

DEBUG = False
# ruleid: django-session-settings secure-missing fixable
ALLOWED_HOSTS = ["example.com"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# A person's own values win over everything above.
from .custom import *
