package a

import (
	"net/http"
	"os"

	echojwt "github.com/labstack/echo-jwt/v4"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

func echoSave(c echo.Context) error {
	return os.WriteFile("/var/lib/app/x", nil, 0o600)
}

func echoList(c echo.Context) error { return nil }

func echoChecked(c echo.Context) error {
	if c.Request().Header.Get("Authorization") == "" {
		return echo.ErrUnauthorized
	}
	return os.WriteFile("/var/lib/app/x", nil, 0o600)
}

func echoRoutes() {
	e := echo.New()
	e.Use(middleware.Logger())
	e.POST("/save", echoSave) // want `POST /save reaches file write`
	e.GET("/items", echoList)
	e.POST("/save2", echoSave, echojwt.JWT([]byte("k")))
	e.POST("/save3", echoChecked)
	g := e.Group("/admin", middleware.BasicAuth(func(u, p string, c echo.Context) (bool, error) { return true, nil }))
	g.GET("/stats", echoList)
	k := e.Group("/internal")
	k.GET("/stats", echoList)                        // want `GET /internal/stats is under /internal`
	e.Add(http.MethodDelete, "/items/:id", echoList) // want `DELETE /items/:id changes state`
	e.Start(":8080")
}

func echoProtected() {
	e := echo.New()
	e.Use(middleware.KeyAuth(func(key string, c echo.Context) (bool, error) { return key == "k", nil }))
	e.POST("/save", echoSave)
	e.Start(":8081")
}
