from flask import Flask

from cookie_config import SESSION_SETTINGS

app = Flask(__name__)
app.config.update(SESSION_SETTINGS)
