import tornado.web


class H(tornado.web.RequestHandler):
	def get(self):
		# ruleid: tornado-set-cookie httpOnly-missing secure-missing fixable
		self.set_secure_cookie("user", name, expires_days=1)  # one day
