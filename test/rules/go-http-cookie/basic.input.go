package web

import (
	"net/http"
	"time"
)

func login(w http.ResponseWriter, r *http.Request, token string) {
	// ruleid: go-http-cookie httpOnly-missing secure-missing fixable
	http.SetCookie(w, &http.Cookie{
		Name:    "session",
		Value:   token,
		Path:    "/",
		Expires: time.Now().Add(24 * time.Hour),
	})
}

func theme(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-http-cookie httpOnly-missing secure-missing fixable
	http.SetCookie(w, &http.Cookie{Name: "theme", Value: r.FormValue("theme")})
}

func remember(w http.ResponseWriter, user string) {
	// ruleid: go-http-cookie secure-false fixable
	cookie := http.Cookie{
		Name:     "remember_token",
		Value:    user,
		HttpOnly: true,
		Secure:   false,
	}
	http.SetCookie(w, &cookie)
}

func logout(w http.ResponseWriter) {
	// ok: go-http-cookie
	http.SetCookie(w, &http.Cookie{Name: "session", Value: "", MaxAge: -1})
}

func callAPI(req *http.Request, token string) {
	// ok: go-http-cookie
	req.AddCookie(&http.Cookie{Name: "session", Value: token})
}

func scheme(w http.ResponseWriter, r *http.Request, token string) {
	// ruleid: go-http-cookie secure-conditional conditional
	c := &http.Cookie{Name: "sid", Value: token, HttpOnly: true, Secure: r.TLS != nil}
	w.Header().Add("Set-Cookie", c.String())
}
