from flask import Flask
from flask_login import LoginManager


class BaseConfig:
    SECRET_KEY = "change-me"
    # ok: flask-login-remember-cookie
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_DURATION = 86400


class DevConfig(BaseConfig):
    # ok: flask-login-remember-cookie
    REMEMBER_COOKIE_SECURE = False


# ruleid: flask-login-remember-cookie secure-missing fixable
class ProdConfig(BaseConfig):
	DEBUG = False
	PREFERRED_URL_SCHEME = "https"


# ok: flask-login-remember-cookie
class UnrelatedSettings:
    SESSION_COOKIE_SECURE = True
