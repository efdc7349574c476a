from pyramid.view import view_config


@view_config(route_name="login")
def login(request):
    # ruleid: pyramid-set-cookie secure-conditional conditional
    request.response.set_cookie("sid", sid(), httponly=True, secure=request.scheme == "https")
    # the project's own convention: Secure follows the request
    # ruleid: pyramid-set-cookie secure-missing fixable
    request.response.set_cookie("lang", "en", httponly=True, secure=request.scheme == "https")
    return {}
