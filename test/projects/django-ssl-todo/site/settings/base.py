INSTALLED_APPS = ["django.contrib.sessions", "django.contrib.auth"]
MIDDLEWARE = ["django.contrib.sessions.middleware.SessionMiddleware"]
