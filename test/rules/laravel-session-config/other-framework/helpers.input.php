<?php

// The same keys outside config/session.php are not Laravel's session config.
// ok: laravel-session-config
return ['driver' => 'redis', 'secure' => false, 'http_only' => false];
