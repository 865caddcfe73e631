package metrics

import (
	"github.com/labstack/echo/v4"

	"modtwo/admin"
)

func New() *echo.Echo {
	e := echo.New()
	e.POST("/push", admin.Raw)
	return e
}
