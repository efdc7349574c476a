from werkzeug.wrappers import Response


class AppResponse(Response):
    """Every cookie the app sets is HttpOnly and Secure unless a caller says otherwise."""

    def set_cookie(self, key, value="", **kwargs):
        kwargs.setdefault("httponly", True)
        kwargs.setdefault("secure", True)
        # ok: flask-set-cookie
        super().set_cookie(key, value, **kwargs)
