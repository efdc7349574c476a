import os

from flask import Flask

# ruleid: flask-session-config secure-conditional conditional
PROD_COOKIES = dict(
    SESSION_COOKIE_SECURE=os.environ.get("FORCE_HTTPS", "true") == "true",
)

app = Flask("admin")
app.config.update(PROD_COOKIES)
