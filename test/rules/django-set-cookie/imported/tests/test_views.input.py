from django.test import TestCase


class CartTests(TestCase):
    def test_cart(self):
        # ok: django-set-cookie
        self.client.cookies.load({"cart_session": "x"})
        # ok: django-set-cookie
        self.client.set_cookie("cart_session", "x")
