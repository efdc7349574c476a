DEBUG = False
INSTALLED_APPS = ["django.contrib.sessions"]
# The intranet has no TLS, so session cookies travel over plain HTTP.
# ruleid: django-session-settings secure-false manual
SESSION_COOKIE_SECURE = False
