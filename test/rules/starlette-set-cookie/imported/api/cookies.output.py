from app_settings import settings

# ruleid: starlette-set-cookie httpOnly-missing secure-missing fixable
SESSION_COOKIE = dict(max_age=3600, path="/", httponly=True, secure=settings.cookie_secure)

# ruleid: starlette-set-cookie httpOnly-conditional secure-conditional conditional
CONFIGURED = {"httponly": settings.cookie_httponly, "secure": settings.cookie_secure}
