<?php

// An older Laravel file: secure on through the environment's default, http_only a literal.
// ok: laravel-session-config
return [
    'driver' => env('SESSION_DRIVER', 'file'),
    'secure' => env('SESSION_SECURE_COOKIE', true),
    'http_only' => true,
    'same_site' => null,
];
