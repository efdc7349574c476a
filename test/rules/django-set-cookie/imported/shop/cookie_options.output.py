"""Cookie attributes used across the shop views."""

# ok: django-set-cookie
STRICT = {"httponly": True, "secure": True, "samesite": "Strict"}

# ruleid: django-set-cookie httpOnly-false secure-missing manual
CART = {
	"httponly": False,
	"max_age": 7 * 24 * 3600,
	"secure": True,
}
