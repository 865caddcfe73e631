package frameworks

import (
	"net"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"
)

func ginServers(l net.Listener) {
	r := gin.Default()
	_ = r.Run(":8080")                      // want `r.Run serves with no read timeouts: gin's http.Server has none`
	_ = r.RunTLS(":8443", "c.pem", "k.pem") // want `r.RunTLS serves with no read timeouts`
	_ = r.RunUnix("/tmp/s.sock")            // want `r.RunUnix serves with no read timeouts`
	_ = r.RunListener(l)                    // want `r.RunListener serves with no read timeouts`
	_ = gin.New().Run()                     // want `gin.New\(\).Run serves with no read timeouts`
}

// ginWithServer is silent: the engine is a handler of a configured server.
func ginWithServer() {
	r := gin.New()
	srv := &http.Server{Addr: ":8080", Handler: r, ReadHeaderTimeout: 5 * time.Second}
	_ = srv.ListenAndServe()
}

func echoServers() {
	e := echo.New()
	_ = e.Start(":8080") // want `e.Start serves with no read timeouts: e.Server.ReadHeaderTimeout and ReadTimeout are unset`
}

func echoTLSOnlyPlainSet() {
	e := echo.New()
	e.Server.ReadTimeout = 30 * time.Second
	_ = e.StartTLS(":8443", "c.pem", "k.pem") // want `e.StartTLS serves with no read timeouts: e.TLSServer.ReadHeaderTimeout and ReadTimeout are unset`
}

func echoZero() {
	e := echo.New()
	e.Server.ReadHeaderTimeout = 0
	_ = e.Start(":8080") // want `e.Start serves with no read timeouts`
}

// Silent: the timeouts are set before starting.

func echoConfigured() {
	e := echo.New()
	e.Server.ReadHeaderTimeout = 5 * time.Second
	_ = e.Start(":8080")
}

func echoTLSConfigured() {
	e := echo.New()
	e.TLSServer.ReadTimeout = 30 * time.Second
	_ = e.StartTLS(":8443", "c.pem", "k.pem")
}

func echoReplaced() {
	e := echo.New()
	e.Server = &http.Server{ReadHeaderTimeout: 5 * time.Second}
	_ = e.Start(":8080")
}

func fiberDefault() {
	app := fiber.New() // want `fiber app app is served by Listen with no ReadTimeout in its fiber.Config`
	_ = app.Listen(":3000")
}

func fiberNoTimeout() {
	app := fiber.New(fiber.Config{AppName: "gateway", WriteTimeout: time.Second}) // want `fiber app app is served by ListenTLS with no ReadTimeout`
	_ = app.ListenTLS(":3443", "c.pem", "k.pem")
}

func fiberConfigVar() {
	cfg := fiber.Config{BodyLimit: 1 << 20}
	app := fiber.New(cfg) // want `fiber app app is served by Listen with no ReadTimeout`
	_ = app.Listen(":3000")
}

// Silent: a read timeout is configured, or the app is not served here.

func fiberTimeout() {
	app := fiber.New(fiber.Config{ReadTimeout: 10 * time.Second})
	_ = app.Listen(":3000")
}

func fiberConfigLater() {
	cfg := fiber.Config{}
	cfg.ReadTimeout = 10 * time.Second
	app := fiber.New(cfg)
	_ = app.Listen(":3000")
}

func fiberOpaque(cfg fiber.Config) {
	app := fiber.New(cfg)
	_ = app.Listen(":3000")
}

func fiberNotServed() *fiber.App {
	return fiber.New()
}
