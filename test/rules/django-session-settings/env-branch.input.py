INSTALLED_APPS = ["django.contrib.sessions"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

if os.environ.get("ALLOW_HTTP"):
    # ruleid: django-session-settings secure-conditional conditional
    SESSION_COOKIE_SECURE = False
