package web

import "github.com/gofiber/fiber/v2"

func Login(c *fiber.Ctx) error {
	// ruleid: fiber-cookie httpOnly-missing secure-missing fixable
	c.Cookie(&fiber.Cookie{Name: "session", Value: c.Locals("token").(string), HTTPOnly: true, Secure: true})
	// ruleid: fiber-cookie httpOnly-false manual
	c.Cookie(&fiber.Cookie{
		Name:     "auth_token",
		Value:    "t",
		Secure:   true,
		HTTPOnly: false,
	})
	// ok: fiber-cookie
	c.Cookie(&fiber.Cookie{Name: "sid", Value: "v", HTTPOnly: true, Secure: true})
	return nil
}
