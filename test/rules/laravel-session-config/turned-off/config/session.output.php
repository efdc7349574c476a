<?php

return [
    'driver' => 'file',
    'lifetime' => 120,
    'cookie' => 'shop_session',
    'path' => '/',
    'domain' => null,
    // ruleid: laravel-session-config httpOnly-false secure-false fixable
    'secure' => true,
    'http_only' => true,
    'same_site' => 'lax',
];
