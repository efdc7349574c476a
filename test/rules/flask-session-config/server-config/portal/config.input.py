import configparser

ini = configparser.ConfigParser()
ini.read("portal.ini")


class ServerConfig(object):
    SECRET_KEY = ini["server"].get("SECRET_KEY")
    # ruleid: flask-session-config secure-missing fixable
    SESSION_COOKIE_HTTPONLY = ini["security"].getboolean("SESSION_COOKIE_HTTPONLY", fallback=True)
    SESSION_COOKIE_SAMESITE = ini["security"].get("SESSION_COOKIE_SAMESITE", fallback="Lax")
    PERMANENT_SESSION_LIFETIME = 604800


class TestingConfig(ServerConfig):
    TESTING = True
    SERVER_NAME = "localhost"


class Config(ServerConfig):
    pass
