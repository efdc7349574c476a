# ruleid: tornado-cookie-settings manual
cookie_settings = {"secure": True}
