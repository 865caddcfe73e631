// Stub of github.com/labstack/echo/v4/middleware, checked against echo v4.16.0.
package middleware

import "github.com/labstack/echo/v4"

type Skipper func(c echo.Context) bool

type BodyLimitConfig struct {
	Skipper Skipper
	Limit   string
}

func BodyLimit(limit string) echo.MiddlewareFunc                     { return nil }
func BodyLimitWithConfig(config BodyLimitConfig) echo.MiddlewareFunc { return nil }
