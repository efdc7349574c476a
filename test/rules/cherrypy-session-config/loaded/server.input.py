import os

import cherrypy


class Root:
    @cherrypy.expose
    def index(self):
        return "hello"


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    cherrypy.quickstart(Root(), "/", os.path.join(here, "conf", "app.conf"))
