from django.http import HttpResponse

from shop.cookie_options import CART, STRICT


def add_to_cart(request):
    response = HttpResponse(status=204)
    response.set_cookie("cart_session", cart_id(request), **CART)
    response.set_cookie("sessionid_shadow", request.session.session_key, **STRICT)
    return response
