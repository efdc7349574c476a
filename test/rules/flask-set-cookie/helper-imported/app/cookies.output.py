def cookie_kwargs(request, max_age=3600):
    # ruleid: flask-set-cookie httpOnly-missing secure-missing fixable
    return dict(
        max_age=max_age,
        samesite="Lax",
        httponly=True,
        secure=True,
    )


class CookieConfig:
    # ruleid: flask-set-cookie secure-missing fixable
    REMEMBER = {"httponly": True, "max_age": 30 * 86400, "secure": True}

    @classmethod
    def preferences(cls):
        # ruleid: flask-set-cookie httpOnly-missing manual
        return {"secure": True}
