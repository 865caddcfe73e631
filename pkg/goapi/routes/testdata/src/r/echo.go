package r

import "github.com/labstack/echo/v4"

func echoItem(c echo.Context) error { return nil }

func echoRoutes() {
	e := echo.New()
	e.GET("/carts/:cartId", echoItem)
	g := e.Group("/api")
	g.PUT("/carts/:id/items/*", echoItem)
	e.Start(":8083")
}
