// Package fiber is a stub of github.com/gofiber/fiber/v2, checked against v2.52.15.
package fiber

import "time"

type Handler = func(*Ctx) error

type Router interface {
	Use(args ...interface{}) Router
	Get(path string, handlers ...Handler) Router
	Head(path string, handlers ...Handler) Router
	Post(path string, handlers ...Handler) Router
	Put(path string, handlers ...Handler) Router
	Delete(path string, handlers ...Handler) Router
	Patch(path string, handlers ...Handler) Router
	Add(method, path string, handlers ...Handler) Router
	All(path string, handlers ...Handler) Router
	Group(prefix string, handlers ...Handler) Router
	Route(prefix string, fn func(router Router), name ...string) Router
}

type Config struct {
	AppName      string
	BodyLimit    int
	ReadTimeout  time.Duration
	WriteTimeout time.Duration
	IdleTimeout  time.Duration
}

type App struct{}

func New(config ...Config) *App { return nil }

func (app *App) Use(args ...interface{}) Router                                     { return nil }
func (app *App) Get(path string, handlers ...Handler) Router                        { return nil }
func (app *App) Head(path string, handlers ...Handler) Router                       { return nil }
func (app *App) Post(path string, handlers ...Handler) Router                       { return nil }
func (app *App) Put(path string, handlers ...Handler) Router                        { return nil }
func (app *App) Delete(path string, handlers ...Handler) Router                     { return nil }
func (app *App) Patch(path string, handlers ...Handler) Router                      { return nil }
func (app *App) Add(method, path string, handlers ...Handler) Router                { return nil }
func (app *App) All(path string, handlers ...Handler) Router                        { return nil }
func (app *App) Group(prefix string, handlers ...Handler) Router                    { return nil }
func (app *App) Route(prefix string, fn func(router Router), name ...string) Router { return nil }
func (app *App) Listen(addr string) error                                           { return nil }

type Ctx struct{}

func (c *Ctx) Get(key string, defaultValue ...string) string     { return "" }
func (c *Ctx) Cookies(key string, defaultValue ...string) string { return "" }
func (c *Ctx) Next() error                                       { return nil }
func (c *Ctx) SendStatus(status int) error                       { return nil }
func (c *Ctx) SendString(body string) error                      { return nil }
func (c *Ctx) Params(key string, defaultValue ...string) string  { return "" }
func (c *Ctx) Redirect(location string, status ...int) error     { return nil }

type Error struct {
	Code    int
	Message string
}

func (e *Error) Error() string { return e.Message }

func NewError(code int, message ...string) *Error { return nil }

const (
	StatusUnauthorized = 401
	StatusForbidden    = 403
)

var (
	ErrUnauthorized = NewError(StatusUnauthorized)
	ErrForbidden    = NewError(StatusForbidden)
)
