from pyramid.view import view_config


@view_config(route_name="login")
def login(request):
    response = request.response
    response.set_cookie("remember", "1", httponly=True, secure=request.scheme == "https")
    return response


@view_config(route_name="locale")
def set_locale(request):
    response = request.response
    response.set_cookie("locale", request.params["locale"], httponly=True)
    return response


def mark_visitor(response, visitor):
    response.set_cookie("visitor", visitor, httponly=True)
