INSTALLED_APPS = ["django.contrib.sessions"]
SESSION_COOKIE_SECURE = True
# ok: django-csrf-settings
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = False
CSRF_TRUSTED_ORIGINS = ["https://example.com"]
