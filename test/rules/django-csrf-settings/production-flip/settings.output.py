DEBUG = False
INSTALLED_APPS = ["django.contrib.sessions"]
SESSION_COOKIE_SECURE = True
# ruleid: django-csrf-settings secure-false fixable
CSRF_COOKIE_SECURE = True
