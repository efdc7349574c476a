from flask import Response


class AppResponse(Response):
    """Every cookie this app sets is HttpOnly and Secure unless a caller says otherwise."""

    def set_cookie(self, key, value="", **kwargs):
        kwargs.setdefault("httponly", True)
        kwargs.setdefault("secure", True)
        kwargs.setdefault("samesite", "Lax")
        super().set_cookie(key, value, **kwargs)
