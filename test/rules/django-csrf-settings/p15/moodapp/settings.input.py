DEBUG = True
INSTALLED_APPS = ["django.contrib.sessions", "moodapp"]
ROOT_URLCONF = "moodapp.urls"
