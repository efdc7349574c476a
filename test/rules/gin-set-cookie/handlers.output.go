package api

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

func Login(c *gin.Context) {
	token := issue(c)
	// ruleid: gin-set-cookie secure-false fixable
	c.SetCookie("session", token, 3600, "/", "", true, true)
}

func Remember(ctx *gin.Context) {
	// ruleid: gin-set-cookie httpOnly-false secure-false fixable
	ctx.SetCookie("prefs", "dark", 3600, "/", "", true, false)
}

func Strict(c *gin.Context) {
	// ok: gin-set-cookie
	c.SetCookie("session", "v", 3600, "/", "", true, true)
}

func Proxied(c *gin.Context, secure bool) {
	// ruleid: gin-set-cookie secure-conditional conditional
	c.SetCookie("session", "v", 3600, "/", "", secure, true)
}

// A project type with its own seven-argument SetCookie is not gin's.
type store struct{}

func (s *store) SetCookie(name, value string, maxAge int, path, domain string, secure, httpOnly bool) {
}

func Save(s *store, w http.ResponseWriter) {
	// ok: gin-set-cookie
	s.SetCookie("session", "v", 3600, "/", "", false, false)
}

func Register(r *gin.Engine) {
	r.GET("/login", func(c *gin.Context) {
		// ruleid: gin-set-cookie secure-false fixable
		c.SetCookie("session", "v", 3600, "/", "", true, true)
	})
}
