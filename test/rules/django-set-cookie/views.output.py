import os

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect

# ruleid: django-set-cookie httpOnly-missing secure-missing fixable
TRACKING = {'max_age': 31536000, 'samesite': 'Lax', 'secure': settings.SESSION_COOKIE_SECURE}


def login_view(request):
    user = authenticate(request)
    response = redirect('home')
    # ruleid: django-set-cookie httpOnly-missing secure-false fixable
    response.set_cookie('uid', user.pk, max_age=31449600, samesite=None, secure=settings.SESSION_COOKIE_SECURE)
    # ruleid: django-set-cookie httpOnly-missing secure-missing fixable
    response.set_cookie('session_key', make_key(), secure=settings.SESSION_COOKIE_SECURE)
    # ruleid: django-set-cookie httpOnly-missing secure-missing fixable
    response.set_signed_cookie('account', user.pk, salt='acct', secure=settings.SESSION_COOKIE_SECURE)
    # ruleid: django-set-cookie secure-conditional conditional
    response.set_cookie('auth', token, httponly=True, secure=settings.SESSION_COOKIE_SECURE)
    # ruleid: django-set-cookie secure-conditional conditional
    response.set_cookie('auth', token, httponly=True, secure=not settings.DEBUG)
    # ruleid: django-set-cookie secure-conditional conditional
    response.set_cookie('auth', token, httponly=True, secure=os.environ.get('HTTPS') == 'on')
    # ruleid: django-set-cookie secure-missing fixable
    response.set_cookie(settings.CSRF_COOKIE_NAME, get_token(request), samesite='Strict', secure=settings.SESSION_COOKIE_SECURE)
    response.set_cookie('tracking', visitor_id(request), **TRACKING)
    # ruleid: django-set-cookie httpOnly-unknown secure-unknown conditional
    response.set_cookie('auth', token, **extra_options(request))
    return response


def logout_view(request):
    response = HttpResponse('bye')
    # ok: django-set-cookie
    response.set_cookie('uid', None)
    # ok: django-set-cookie
    response.set_cookie('uid', '', max_age=0)
    # ok: django-set-cookie
    response.delete_cookie('uid')
    # ok: django-set-cookie
    response.set_cookie('auth', token, 3600, None, '/', None, True, True)
    # ok: django-set-cookie
    response.set_cookie('auth', token, secure=True, httponly=True)
    return response
