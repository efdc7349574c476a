<?php

function issue(string $sid): void
{
    // ruleid: php-setcookie httpOnly-missing secure-missing fixable
    setcookie('auth_sid', $sid, [
        'expires'  => 0,
        'path'     => '/', // whole site
        'samesite' => 'Strict',
    ]);
    // Keys of one length are not a sign of alignment.
    // ruleid: php-setcookie httpOnly-missing secure-missing fixable
    setcookie('auth_sid', $sid, [
        'path' => '/',
        'name' => 'x',
    ]);
}
