import os


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY", "dev")
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
