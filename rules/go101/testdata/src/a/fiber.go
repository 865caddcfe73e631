package a

import (
	"os/exec"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/basicauth"
	"github.com/gofiber/fiber/v2/middleware/keyauth"
)

func fiberRun(c *fiber.Ctx) error { return exec.Command("x").Run() }

func fiberList(c *fiber.Ctx) error { return nil }

func fiberChecked(c *fiber.Ctx) error {
	if c.Get("Authorization") == "" {
		return fiber.ErrUnauthorized
	}
	return exec.Command("x").Run()
}

func fiberRoutes() {
	app := fiber.New()
	app.Post("/run", fiberRun) // want `POST /run reaches command execution`
	app.Get("/items", fiberList)
	app.Post("/run2", keyauth.New(), fiberRun)
	app.Post("/run3", fiberChecked)
	api := app.Group("/api", basicauth.New(basicauth.Config{Users: map[string]string{"a": "b"}}))
	api.Post("/run", fiberRun)
	open := app.Group("/open")
	open.Delete("/items/:id", fiberList) // want `DELETE /open/items/:id changes state`
	app.Listen(":3000")
}
