package main

import (
	"os"

	"github.com/gin-gonic/gin"
)

func login(c *gin.Context) {
	// ruleid: gin-set-cookie httpOnly-false secure-false manual
	c.SetCookie("session", newToken(), 3600, "/", "", false, false)
}

func main() {
	router := gin.Default()
	router.POST("/login", login)
	// Plain HTTP unless a certificate is configured.
	if cert := os.Getenv("TLS_CERT"); cert != "" {
		_ = router.RunTLS(":8443", cert, os.Getenv("TLS_KEY"))
		return
	}
	_ = router.Run(":8080")
}
