from flask import Flask

app = Flask("admin")
# ruleid: flask-session-config secure-false fixable
app.config.update({
	"SESSION_COOKIE_SECURE": False,
	"PERMANENT_SESSION_LIFETIME": 3600,
})
