package admin

import (
	"io"

	"github.com/labstack/echo/v4"
)

type guardrail struct{ Name string }

// modtwo/server limits bodies, but modtwo/metrics sets up a second echo
// router with no limit that serves Raw: the module step keeps these.

func Create(c echo.Context) error {
	var g guardrail
	return c.Bind(&g) // want `c.Bind reads the request body with no size limit`
}

func Raw(c echo.Context) error {
	_, err := io.ReadAll(c.Request().Body) // want `io.ReadAll reads c.Request\(\).Body with no size limit`
	return err
}
