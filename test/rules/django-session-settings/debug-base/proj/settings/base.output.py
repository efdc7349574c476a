DEBUG = True
INSTALLED_APPS = ["django.contrib.sessions"]
# ruleid: django-session-settings secure-false fixable
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
