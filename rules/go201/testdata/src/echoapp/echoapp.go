package echoapp

import (
	"io"
	"net/http"

	"github.com/labstack/echo/v4"
)

type prompt struct{ Text string }

func routes(e *echo.Echo) {
	e.POST("/v1/chat", func(c echo.Context) error {
		var p prompt
		return c.Bind(&p) // want `c.Bind reads the request body with no size limit`
	})
	e.POST("/v1/raw", raw)
	e.POST("/v1/limited", limited)
}

func raw(c echo.Context) error {
	_, err := io.ReadAll(c.Request().Body) // want `io.ReadAll reads c.Request\(\).Body with no size limit`
	return err
}

// Silent: the body is limited in the handler.

func limited(c echo.Context) error {
	c.Request().Body = http.MaxBytesReader(c.Response().Writer, c.Request().Body, 1<<20)
	var p prompt
	return c.Bind(&p)
}
