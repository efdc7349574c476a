import os

SECRET_KEY = os.environ["SECRET_KEY"]

# ruleid: starlette-session-middleware secure-missing fixable
SESSION_MIDDLEWARE = dict(secret_key=SECRET_KEY, same_site="strict")
