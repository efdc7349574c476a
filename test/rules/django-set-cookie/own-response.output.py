from django.http import HttpResponse


class SecureCookieResponse(HttpResponse):
    def set_cookie(self, key, value="", **kwargs):
        kwargs["secure"] = True
        kwargs["httponly"] = True
        # ok: django-set-cookie
        super().set_cookie(key, value, **kwargs)


def view(request, sid):
    response = SecureCookieResponse("ok")
    # ok: django-set-cookie
    response.set_cookie("sid", sid)
    plain = HttpResponse("ok")
    # ruleid: django-set-cookie httpOnly-missing secure-missing fixable
    plain.set_cookie("sid", sid, httponly=True, secure=True)
    # ruleid: django-set-cookie httpOnly-unknown secure-unknown conditional
    plain.set_signed_cookie("sid", sid, salt="login", token=1)
    # ok: django-set-cookie
    plain.set_cookie("sid", "", max_age=0)
    # ok: django-set-cookie
    plain.delete_cookie("sid")
    return plain
