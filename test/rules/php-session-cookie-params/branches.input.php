<?php
// Arguments assigned inline: the value passed is the one assigned.
if ($https) {
    // ok: php-session-cookie-params
    session_set_cookie_params($lifetime = 0, $path = '/', $domain, $secure = true, $httponly = true);
} else {
    // ruleid: php-session-cookie-params secure-conditional conditional
    session_set_cookie_params($lifetime = 0, $path = '/', $domain, $secure = false, $httponly = true);
}

function start(): void
{
    $params = session_get_cookie_params();
    // ruleid: php-session-cookie-params httpOnly-unknown secure-unknown conditional
    session_set_cookie_params($params);

    $settings = ['lifetime' => 0, 'path' => '/', 'httponly' => true];
    // ruleid: php-session-cookie-params secure-missing fixable
    session_set_cookie_params($settings);
}
