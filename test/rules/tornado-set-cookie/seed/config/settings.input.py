import os

COOKIE_SECRET = os.environ["COOKIE_SECRET"]

# ruleid: tornado-set-cookie httpOnly-missing fixable
cookie_settings = {"secure": True}
