<?php
# The intranet box is served over plain HTTP, so the login cookie cannot be Secure yet.
// ruleid: php-setcookie httpOnly-missing secure-missing manual
setcookie('session_id', $sid, 0, '/', '', false, true);
