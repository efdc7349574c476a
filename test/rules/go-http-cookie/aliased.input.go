package app

import (
	nethttp "net/http"

	"github.com/labstack/echo/v4"
)

func handler(c echo.Context) error {
	// ruleid: go-http-cookie httpOnly-missing secure-missing fixable
	c.SetCookie(&nethttp.Cookie{Name: "sid", Value: "x"})
	return nil
}
