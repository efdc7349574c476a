from flask import Flask

# ok: django-session-settings
SESSION_COOKIE_SECURE = True

app = Flask(__name__)
app.config.from_object(__name__)
