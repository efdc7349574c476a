import cherrypy


class Root:
    @cherrypy.expose
    def login(self, user, password):
        cookie = cherrypy.response.cookie
        # ruleid: cherrypy-response-cookie httpOnly-missing secure-missing fixable
        cookie['session_token'] = issue(user)
        cookie['session_token']['path'] = '/'
        cookie['session_token']['max-age'] = 3600
        cookie['session_token']['httponly'] = True
        cookie['session_token']['secure'] = True
        # a second cookie of the same jar, written in the same run
        # ruleid: cherrypy-response-cookie secure-missing fixable
        cookie['remember_me'] = '1'
        cookie['remember_me']['httponly'] = True
        cookie['remember_me']['secure'] = True
        return 'ok'

    @cherrypy.expose
    def prefs(self, lang):
        # ruleid: cherrypy-response-cookie httpOnly-false secure-false manual
        cherrypy.response.cookie['session'] = new_sid()
        cherrypy.response.cookie['session']['httponly'] = False
        cherrypy.response.cookie['session']['secure'] = True
        # ruleid: cherrypy-response-cookie httpOnly-missing secure-missing fixable
        cherrypy.response.cookie['lang'] = lang
        cherrypy.response.cookie['lang']['secure'] = True
        return 'saved'

    @cherrypy.expose
    def secure_login(self, user):
        # ok: cherrypy-response-cookie
        cherrypy.response.cookie['auth'] = issue(user)
        cherrypy.response.cookie['auth']['httponly'] = True
        cherrypy.response.cookie['auth']['secure'] = True
        return 'ok'

    @cherrypy.expose
    def logout(self):
        # deletion: expires in the past
        # ok: cherrypy-response-cookie
        cherrypy.response.cookie['session_token'] = ''
        cherrypy.response.cookie['session_token']['expires'] = 0
        # ok: cherrypy-response-cookie
        cherrypy.response.cookie['sid'] = 'x'
        cherrypy.response.cookie['sid']['max-age'] = 0
        return 'bye'

    @cherrypy.expose
    def whoami(self):
        # reading the request's cookies sets nothing
        # ok: cherrypy-response-cookie
        cherrypy.request.cookie['session_token'] = 'ignored'
        return cherrypy.request.cookie['session_token'].value


class Jar(dict):
    pass


def own_jar():
    cookie = Jar()
    # ok: cherrypy-response-cookie
    cookie['session_token'] = 'x'
