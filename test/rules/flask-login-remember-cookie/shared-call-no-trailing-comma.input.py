from flask import Flask

app = Flask(__name__)
# Both families would add a line after the last keyword, each with its own comma: the combined edit does not
# parse, so neither is applied (a known limit of one key set per container in the plan).
# ruleid: flask-login-remember-cookie secure-missing manual
app.config.update(
    SESSION_COOKIE_HTTPONLY=True,
    REMEMBER_COOKIE_DURATION=86400
)
