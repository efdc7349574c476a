from starlette.applications import Starlette
from starlette.middleware import sessions

from app.settings import SESSION_MIDDLEWARE


def build(routes):
    inner = Starlette(routes=routes)
    return sessions.SessionMiddleware(inner, **SESSION_MIDDLEWARE)


# ok: starlette-session-middleware
MIDDLEWARE = ["django.contrib.sessions.middleware.SessionMiddleware"]
