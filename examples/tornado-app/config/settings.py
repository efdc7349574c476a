"""Application settings for the example Tornado service."""
import os

cookie_secret = os.environ.get("COOKIE_SECRET", "change-me")

# Shared options for every cookie the handlers set.
cookie_settings = {
    "secure": True,
}

application_settings = {
    "cookie_secret": cookie_secret,
    "login_url": "/login",
    "xsrf_cookies": True,
    "debug": False,
}
