package server

import "net/http"

func rememberPlayer(w http.ResponseWriter, id string) {
	// ruleid: go-http-cookie secure-missing manual
	cookie := &http.Cookie{ //nolint:gosec // Secure omitted: the server may run over plain HTTP
		Name:     "player",
		Value:    id,
		HttpOnly: true,
		SameSite: http.SameSiteStrictMode,
	}
	http.SetCookie(w, cookie)
}
