import os


class ServerConfig:
    SECRET_KEY: str = os.environ["SECRET_KEY"]

    # === SECURITY ===
    # ruleid: flask-session-config secure-missing fixable
    SESSION_COOKIE_HTTPONLY: bool = os.environ.get("COOKIE_HTTPONLY", "1") == "1"
    SESSION_COOKIE_SECURE: bool = True

    SESSION_COOKIE_SAMESITE: str = os.environ.get("COOKIE_SAMESITE") \
        or "Lax"

    PERMANENT_SESSION_LIFETIME: int = 604800
