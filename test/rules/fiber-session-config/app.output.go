package main

import (
	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/session"
)

func main() {
	app := fiber.New()
	// ruleid: fiber-session-config httpOnly-missing secure-missing fixable
	store := session.New(session.Config{
		KeyLookup:      "cookie:app_session",
		CookieHTTPOnly: true,
		CookieSecure:   true,
	})
	_ = store
	_ = app.Listen(":3000")
}
