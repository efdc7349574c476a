# Names shared by the handlers.
SESSION_COOKIE_NAME = "board_session"
SESSION_MAX_AGE_DAYS = 14
