# ruleid: falcon-set-cookie httpOnly-false manual
COOKIE_OPTIONS = {"max_age": 3600, "http_only": False}
