from aiohttp import web

import options


async def handler(request):
    response = web.Response(text="hi")
    response.set_cookie("sid", new_sid(), **options.SESSION_OPTS)
    # ruleid: aiohttp-set-cookie httpOnly-missing secure-missing fixable
    response.set_cookie("lang", request.query["lang"], path="/", max_age=3600, secure=True)
    return response
