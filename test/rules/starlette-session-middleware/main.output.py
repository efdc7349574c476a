import os

from fastapi import FastAPI
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware

from app.config import settings

DEBUG = os.getenv("DEBUG") == "1"
# ruleid: starlette-session-middleware secure-missing fixable
SESSION_OPTIONS = {"secret_key": settings.SECRET, "max_age": 14 * 24 * 3600, "https_only": not DEBUG}

middleware = [
    # ruleid: starlette-session-middleware secure-missing fixable
    Middleware(SessionMiddleware, max_age=60 * 60 * 24 * 3, secret_key=settings.SECRET, https_only=not DEBUG),
]

app = FastAPI(middleware=middleware)
# ruleid: starlette-session-middleware secure-false fixable
app.add_middleware(SessionMiddleware, secret_key=settings.SECRET, https_only=not DEBUG)
# ruleid: starlette-session-middleware secure-conditional conditional
app.add_middleware(SessionMiddleware, secret_key=settings.SECRET, https_only=not DEBUG)
# ruleid: starlette-session-middleware secure-conditional conditional
app.add_middleware(SessionMiddleware, secret_key=settings.SECRET, https_only=settings.HTTPS_ONLY)
# ruleid: starlette-session-middleware secure-unknown conditional
app.add_middleware(SessionMiddleware, **settings.session_kwargs())
# ruleid: starlette-session-middleware secure-missing fixable
app.add_middleware(
    SessionMiddleware,
    secret_key=settings.SECRET,
    session_cookie="csrf_state",
    https_only=not DEBUG,
)
# ruleid: starlette-session-middleware secure-conditional conditional
app.add_middleware(SessionMiddleware, secret_key=settings.SECRET, https_only=os.getenv("HTTPS_ONLY", "1") == "1")
# ok: starlette-session-middleware
app.add_middleware(SessionMiddleware, secret_key=settings.SECRET, https_only=True)
app.add_middleware(SessionMiddleware, **SESSION_OPTIONS)
# ok: starlette-session-middleware
app.add_middleware(GZipMiddleware, minimum_size=1000)
