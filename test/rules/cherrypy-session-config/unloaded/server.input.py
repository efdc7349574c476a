import cherrypy


class Root:
    @cherrypy.expose
    def index(self):
        return "hello"


cherrypy.quickstart(Root(), "/", "site.conf")
