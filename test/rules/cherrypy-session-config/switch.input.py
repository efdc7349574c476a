import os

import cherrypy

PRODUCTION = os.environ.get("ENV") == "production"


class Api:
    # ruleid: cherrypy-session-config secure-conditional conditional
    _cp_config = {
        "tools.sessions.on": True,
        "tools.sessions.httponly": True,
        "tools.sessions.secure": PRODUCTION,
    }
