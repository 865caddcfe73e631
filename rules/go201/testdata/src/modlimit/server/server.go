package server

import (
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"modlimit/admin"
)

func New() *echo.Echo {
	e := echo.New()
	e.Use(middleware.BodyLimit("10M"))
	e.POST("/admin/guardrails", admin.Create)
	e.POST("/admin/raw", admin.Raw)
	return e
}
