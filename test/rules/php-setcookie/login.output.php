<?php
declare(strict_types=1);

namespace App\Auth;

function remember(string $token, string $theme): void
{
    // ruleid: php-setcookie httpOnly-missing secure-missing fixable
    setcookie('session_token', $token, 0, '/', '', true, true);

    // ruleid: php-setcookie httpOnly-missing fixable
    \setcookie('auth_token', $token, time() + 3600, '/', 'example.com', true, true);

    // ruleid: php-setcookie httpOnly-missing secure-missing manual
    setcookie('theme', $theme, time() + 86400);

    // ruleid: php-setcookie secure-false fixable
    setrawcookie('auth_sid', $token, 0, '/', '', true, true);

    # ruleid: php-setcookie httpOnly-missing secure-missing fixable
    setcookie('sid', $token, [
        'expires' => time() + 3600,
        'path' => '/',
        'samesite' => 'Lax',
        'httponly' => true,
        'secure' => true,
    ]);

    // ruleid: php-setcookie secure-missing fixable
    setcookie("prefs", $theme, ["expires" => 0, "httponly" => true, "secure" => true]);

    // ok: php-setcookie
    setcookie('session_token', $token, ['secure' => true, 'httponly' => true]);

    // Deletions: nothing to protect.
    // ok: php-setcookie
    setcookie('session_token', '', time() - 3600, '/');
    // ok: php-setcookie
    setcookie('auth_token', $token, ['expires' => time() - 3600]);
    // ok: php-setcookie
    setcookie('sid');
}

final class Jar
{
    public function setcookie(string $name, string $value): void {}

    public function send(string $value): void
    {
        // ok: php-setcookie
        $this->setcookie('sid', $value);
        // ok: php-setcookie
        self::setcookie('sid', $value);
    }
}
