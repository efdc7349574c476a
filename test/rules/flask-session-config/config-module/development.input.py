DEBUG = True
# ok: flask-session-config
SESSION_COOKIE_SECURE = False
