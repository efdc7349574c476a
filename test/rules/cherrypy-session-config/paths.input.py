import cherrypy


class Root:
    @cherrypy.expose
    def index(self):
        return "hello"


def start(secret):
    conf = {
        # ruleid: cherrypy-session-config httpOnly-missing secure-missing fixable
        '/': {
            'tools.sessions.on': True,
            'tools.sessions.name': 'board_session',
        },
        # '/api' inherits the session settings of '/': the fix belongs there, once.
        # ok: cherrypy-session-config
        '/api': {
            'tools.sessions.on': True,
        },
        # A section that sets a flag itself is judged on its own.
        # ruleid: cherrypy-session-config secure-false fixable
        '/admin': {
            'tools.sessions.on': True,
            'tools.sessions.httponly': True,
            'tools.sessions.secure': False,
        },
    }
    cherrypy.quickstart(Root(), '/', conf)
