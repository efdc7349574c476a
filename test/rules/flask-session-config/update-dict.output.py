from flask import Flask

app = Flask("admin")
# ruleid: flask-session-config secure-false fixable
app.config.update({
	"SESSION_COOKIE_SECURE": True,
	"PERMANENT_SESSION_LIFETIME": 3600,
})
