package r

import "github.com/gofiber/fiber/v2"

func fiberItem(c *fiber.Ctx) error { return nil }

func fiberRoutes() {
	app := fiber.New()
	app.Get("/books/:isbn", fiberItem)
	g := app.Group("/shop")
	g.Post("/books/:id?", fiberItem)
	app.Route("/admin", func(r fiber.Router) {
		r.Get("/stats", fiberItem)
	})
	app.Get("/dl/+", fiberItem)
	app.Listen(":8084")
}
