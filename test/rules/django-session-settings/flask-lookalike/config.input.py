from flask import Flask

# ok: django-session-settings
SESSION_COOKIE_SECURE = False

app = Flask(__name__)
app.config.from_object(__name__)
