import os

SECRET_KEY = os.environ["SECRET_KEY"]
# ruleid: flask-session-config secure-false manual
SESSION_COOKIE_SECURE = False  # TODO: turn on once TLS is live
SESSION_COOKIE_SAMESITE = "Lax"
