<?php
// Session set-up of a small plain-PHP app.

// ruleid: php-session-cookie-params httpOnly-missing secure-missing fixable
session_set_cookie_params(0, '/', '');

// ruleid: php-session-cookie-params httpOnly-false secure-false fixable
session_set_cookie_params(3600, '/', $domain, false, false);

// ruleid: php-session-cookie-params httpOnly-missing secure-missing manual
session_set_cookie_params(86400);

// ruleid: php-session-cookie-params secure-missing fixable
session_set_cookie_params([
    'lifetime' => 0,
    'path' => '/',
    'httponly' => true,
    'samesite' => 'Strict',
]);

// ruleid: php-session-cookie-params httpOnly-unknown secure-unknown conditional
session_set_cookie_params($params);

// ok: php-session-cookie-params
session_set_cookie_params(0, '/', '', true, true);

// ruleid: php-session-cookie-params secure-false fixable
ini_set('session.cookie_secure', '0');
// ruleid: php-session-cookie-params httpOnly-false fixable
ini_set('session.cookie_httponly', 'Off');
// ruleid: php-session-cookie-params secure-conditional conditional
ini_set('session.cookie_secure', $isHttps);
// ok: php-session-cookie-params
ini_set('session.cookie_httponly', 1);
// ok: php-session-cookie-params
ini_set('session.cookie_samesite', 'Lax');

session_start();
