DEBUG = False
INSTALLED_APPS = ["django.contrib.sessions"]
SESSION_COOKIE_SECURE = True
CSRF_USE_SESSIONS = True
# ok: django-csrf-settings
CSRF_COOKIE_SECURE = False
