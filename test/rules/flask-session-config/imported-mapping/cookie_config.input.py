# ruleid: flask-session-config secure-missing fixable
SESSION_SETTINGS = {'SESSION_COOKIE_HTTPONLY': True, 'SESSION_COOKIE_SAMESITE': 'Lax'}
