<?php

final class RememberMe
{
    public function issue(string $token): void
    {
        $cookieOptions = [
            'expires' => time() + 60 * 60 * 24 * 30,
            'path' => '/',
            'samesite' => 'Lax',
        ];
        // ruleid: php-setcookie httpOnly-missing secure-missing fixable
        setcookie('remember_token', $token, $cookieOptions);
    }

    public function changed(string $token): void
    {
        $options = ['expires' => 0];
        $options['secure'] = true;
        // ruleid: php-setcookie httpOnly-unknown secure-unknown conditional
        setcookie('auth_token', $token, $options);
    }

    public function reassigned(string $token, bool $https): void
    {
        $options = ['expires' => 0];
        if ($https) {
            $options = ['expires' => 0, 'secure' => true, 'httponly' => true];
        }
        // ruleid: php-setcookie httpOnly-unknown secure-unknown conditional
        setcookie('auth_token', $token, $options);
    }
}
