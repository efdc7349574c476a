import falcon

app = falcon.App()
# ruleid: falcon-set-cookie secure-false fixable
app.resp_options.secure_cookies_by_default = False
