package echolimited

import (
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

type prompt struct{ Text string }

// Silent: middleware.BodyLimit limits every route of the server.

func server() {
	e := echo.New()
	e.Use(middleware.BodyLimit("2M"))
	e.POST("/v1/chat", func(c echo.Context) error {
		var p prompt
		return c.Bind(&p)
	})
}
