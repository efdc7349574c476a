from aiohttp import hdrs, web


async def login(request):
    response = web.Response(text="ok")
    # ruleid: py-set-cookie-header httpOnly-missing secure-missing fixable
    response.headers.add(hdrs.SET_COOKIE, "api_session=abc; Path=/")
    return response
