# ruleid: aiohttp-session-storage secure-missing fixable
COOKIE = {'httponly': True, 'samesite': 'Strict'}
