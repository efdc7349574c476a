import cherrypy
from cherrypy import tools


class Root:
    @cherrypy.expose
    # ruleid: cherrypy-session-config httpOnly-missing secure-false fixable
    @cherrypy.tools.sessions(secure=True, timeout=30, httponly=True)
    def index(self):
        return "hello"

    @cherrypy.expose
    # ruleid: cherrypy-session-config httpOnly-missing secure-missing fixable
    @cherrypy.config(**{"tools.sessions.on": True, "tools.sessions.httponly": True, "tools.sessions.secure": True})
    def login(self):
        return "login"

    @cherrypy.expose
    # ok: cherrypy-session-config
    @tools.sessions(secure=True, httponly=True)
    def account(self):
        return "account"

    @cherrypy.expose
    # not the session tool
    # ok: cherrypy-session-config
    @cherrypy.tools.gzip(mime_types=["text/html"])
    def page(self):
        return "page"

    @cherrypy.expose
    # ruleid: cherrypy-session-config httpOnly-missing secure-missing fixable
    @cherrypy.tools.sessions(httponly=True, secure=True)
    def cart(self):
        return "cart"
