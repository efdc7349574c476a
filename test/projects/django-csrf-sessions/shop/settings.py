DEBUG = False
INSTALLED_APPS = ["django.contrib.sessions", "django.contrib.auth"]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]
SESSION_COOKIE_SECURE = True
# The CSRF token lives in the session: there is no CSRF cookie.
CSRF_USE_SESSIONS = True
