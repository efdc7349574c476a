package auth

import "github.com/gorilla/sessions"

var store = sessions.NewCookieStore([]byte("secret"))

func init() {
	// ruleid: gorilla-sessions-options httpOnly-missing secure-missing fixable
	store.Options = &sessions.Options{
		Path:     "/",
		MaxAge:   86400 * 7,
		HttpOnly: true,
		Secure:   true,
	}
}
