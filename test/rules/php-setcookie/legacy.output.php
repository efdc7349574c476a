<?php
// An older code base: array(), capital booleans, options built elsewhere; and PHP 8 named arguments.
include 'config.php';

if ($ok) {
    // ruleid: php-setcookie httpOnly-false secure-false manual
    setcookie('PHPSESSID', session_id(), 0, '/', '', TRUE, FALSE);
    // ruleid: php-setcookie httpOnly-missing fixable
    SetCookie('remember_token', $hash, time() + 60 * 60 * 24 * 30, '/', $domain, TRUE, TRUE);
    // ruleid: php-setcookie httpOnly-missing secure-missing fixable
    setcookie('login_session', $id, array('expires' => 0, 'path' => '/', 'httponly' => true, 'secure' => true));
    // ruleid: php-setcookie httpOnly-unknown secure-unknown conditional
    setcookie('auth_token', $jwt, $cookieOptions);
    // ruleid: php-setcookie secure-missing fixable
    setcookie('session_token', $jwt, httponly: true, secure: true);
    // ruleid: php-setcookie httpOnly-unknown secure-unknown conditional
    setcookie(...$args);
}
?>
<p>Say setcookie('x', 'y') in a page: not code.</p>
<?php
// ruleid: php-setcookie httpOnly-missing secure-missing fixable
setcookie(name: 'session_token', value: $jwt, path: '/', httponly: true, secure: true);
