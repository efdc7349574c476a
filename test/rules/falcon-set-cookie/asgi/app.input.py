import falcon.asgi

from .settings import COOKIE_OPTIONS


class Session:
    async def on_post(self, req, resp):
        resp.set_cookie("session", await new_session(), **COOKIE_OPTIONS)
        # ok: falcon-set-cookie
        resp.set_cookie("lang", req.get_param("lang") or "en", same_site="Lax")


app = falcon.asgi.App()
app.add_route("/session", Session())
