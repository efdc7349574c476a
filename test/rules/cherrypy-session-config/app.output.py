import cherrypy


class Root:
    # ruleid: cherrypy-session-config httpOnly-missing secure-missing fixable
    _cp_config = {"tools.sessions.on": True, "tools.sessions.timeout": 60, "tools.sessions.httponly": True, "tools.sessions.secure": True}

    @cherrypy.expose
    def index(self):
        return "hello"


class Admin:
    # ruleid: cherrypy-session-config httpOnly-false secure-false fixable
    _cp_config = {
        "tools.sessions.on": True,
        "tools.sessions.httponly": True,
        "tools.sessions.secure": True,
    }


class Static:
    # sessions off: nothing to judge
    # ok: cherrypy-session-config
    _cp_config = {"tools.sessions.on": False, "tools.staticdir.on": True}


if __name__ == "__main__":
    # ruleid: cherrypy-session-config httpOnly-missing secure-missing fixable
    cherrypy.config.update({'tools.sessions.on': True, 'tools.sessions.storage_class': cherrypy.lib.sessions.FileSession, 'tools.sessions.httponly': True, 'tools.sessions.secure': True})
    conf = {
        # ok: cherrypy-session-config
        "/": {"tools.sessions.on": True, "tools.sessions.httponly": True, "tools.sessions.secure": True},
        # refines the tool turned on above: not a site of its own
        # ok: cherrypy-session-config
        "/admin": {"tools.sessions.timeout": 5},
    }
    cherrypy.quickstart(Root(), "/", conf)
