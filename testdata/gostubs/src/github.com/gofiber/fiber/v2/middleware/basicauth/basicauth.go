// Package basicauth is a stub of github.com/gofiber/fiber/v2/middleware/basicauth, checked against v2.52.15.
package basicauth

import "github.com/gofiber/fiber/v2"

type Config struct {
	Users map[string]string
}

func New(config Config) fiber.Handler { return nil }
