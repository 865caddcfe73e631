// Package keyauth is a stub of github.com/gofiber/fiber/v2/middleware/keyauth, checked against v2.52.15.
package keyauth

import "github.com/gofiber/fiber/v2"

type Config struct {
	Validator func(*fiber.Ctx, string) (bool, error)
}

func New(config ...Config) fiber.Handler { return nil }
