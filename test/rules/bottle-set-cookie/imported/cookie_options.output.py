# ruleid: bottle-set-cookie httpOnly-missing secure-missing fixable
SESSION_COOKIE = {"path": "/", "max_age": 86400, "httponly": True, "secure": True}
