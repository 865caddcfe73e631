// Stub of github.com/gofiber/fiber/v2, checked against v2.52.15: what the
// bounds rules (GO202, GO203) use.
package fiber

import (
	"net"
	"time"
)

type Config struct {
	AppName      string
	BodyLimit    int
	ReadTimeout  time.Duration
	WriteTimeout time.Duration
	IdleTimeout  time.Duration
}

const DefaultBodyLimit = 4 * 1024 * 1024

type App struct{}

type Ctx struct{}

type Handler = func(*Ctx) error

func New(config ...Config) *App { return nil }

func (app *App) Post(path string, handlers ...Handler) Router   { return nil }
func (app *App) Listen(addr string) error                       { return nil }
func (app *App) ListenTLS(addr, certFile, keyFile string) error { return nil }
func (app *App) Listener(ln net.Listener) error                 { return nil }

type Router interface{}
