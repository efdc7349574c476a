package main

import (
	"flag"
	"net/http"
)

func login(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-http-cookie httpOnly-missing secure-missing fixable
	http.SetCookie(w, &http.Cookie{
		Name:  "session",
		Value: newToken(),
		Path:  "/",
	})
}

func main() {
	cert := flag.String("cert", "", "TLS certificate; plain HTTP without one")
	key := flag.String("key", "", "TLS key")
	flag.Parse()
	http.HandleFunc("/login", login)
	if *cert != "" {
		_ = http.ListenAndServeTLS(":8443", *cert, *key, nil)
		return
	}
	_ = http.ListenAndServe(":8080", nil)
}
