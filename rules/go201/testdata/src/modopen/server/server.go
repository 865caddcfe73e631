package server

import (
	"github.com/labstack/echo/v4"

	"modopen/admin"
)

func New() *echo.Echo {
	e := echo.New()
	e.POST("/admin/guardrails", admin.Create)
	e.POST("/admin/raw", admin.Raw)
	return e
}
