INSTALLED_APPS = [
    "django.contrib.sessions",
]

SESSION_COOKIE_NAME = "app_session"
