import cherrypy


class Root:
    @cherrypy.expose
    def secure_login(self, user):
        # ruleid: cherrypy-response-cookie secure-conditional conditional
        cherrypy.response.cookie['sid'] = issue(user)
        cherrypy.response.cookie['sid']['httponly'] = True
        cherrypy.response.cookie['sid']['secure'] = cherrypy.request.scheme == 'https'
        return 'ok'
