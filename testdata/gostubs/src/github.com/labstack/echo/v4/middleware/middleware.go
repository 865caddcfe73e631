// Package middleware is a stub of github.com/labstack/echo/v4/middleware, checked against v4.16.0.
package middleware

import "github.com/labstack/echo/v4"

type BasicAuthValidator func(string, string, echo.Context) (bool, error)

type KeyAuthValidator func(auth string, c echo.Context) (bool, error)

func BasicAuth(fn BasicAuthValidator) echo.MiddlewareFunc { return nil }
func KeyAuth(fn KeyAuthValidator) echo.MiddlewareFunc     { return nil }
func Logger() echo.MiddlewareFunc                         { return nil }
