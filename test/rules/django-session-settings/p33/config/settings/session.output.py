# Session cookie settings, star-imported by base.py.
# ruleid: django-session-settings secure-false fixable
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 3600
