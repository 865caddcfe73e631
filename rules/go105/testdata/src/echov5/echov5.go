// Package echov5 serves an echo v5 router through a StartConfig, with the
// key check installed only when a key is configured. The check answers
// through another package's error constructor (apierr.Unauthorized); the
// audit middleware before it reads the Authorization header only to log
// that one was sent and answers through a status mapping (apierr.StatusOf):
// it checks nothing, so it must not hide the condition.
package echov5

import (
	"context"
	"os/exec"

	"github.com/labstack/echo/v5"

	"echov5/apierr"
)

type Config struct {
	MasterKey string
}

func keyAuth(key string) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c *echo.Context) error {
			if c.Request().Header.Get("Authorization") != "Bearer "+key {
				e := apierr.Unauthorized("invalid key")
				return c.JSON(e.Status, e)
			}
			return next(c)
		}
	}
}

func audit() echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c *echo.Context) error {
			sent := c.Request().Header.Get("Authorization") != ""
			if err := next(c); err != nil {
				return c.JSON(apierr.StatusOf(err.Error()), map[string]bool{"credential_sent": sent})
			}
			return nil
		}
	}
}

func run(c *echo.Context) error { return exec.Command("make", "deploy").Run() }

func New(cfg *Config) *echo.Echo {
	e := echo.New()
	e.Use(audit())
	if cfg.MasterKey != "" {
		e.Use(keyAuth(cfg.MasterKey)) // want `keyAuth\(cfg.MasterKey\) is installed only when cfg.MasterKey != "": otherwise POST /deploy reaches command execution .* with no authentication; fail closed`
	}
	e.POST("/deploy", run)
	return e
}

func Serve(ctx context.Context, cfg *Config, addr string) error {
	return echo.StartConfig{Address: addr}.Start(ctx, New(cfg))
}
