<?php

// Not Laravel's: none of its session keys.
// ok: laravel-session-config
return [
    'name' => 'app',
    'secure' => false,
];
