// Package echo is a stub of github.com/labstack/echo/v4, checked against v4.16.0.
package echo

import "net/http"

type Context interface {
	Request() *http.Request
	Param(name string) string
	JSON(code int, i interface{}) error
	String(code int, s string) error
	NoContent(code int) error
	Redirect(code int, url string) error

	Response() *Response
	Bind(i any) error

	Validate(i any) error
}

type HandlerFunc func(c Context) error

type MiddlewareFunc func(next HandlerFunc) HandlerFunc

type Route struct{}

type HTTPError struct {
	Code    int
	Message interface{}
}

func (he *HTTPError) Error() string { return "" }

func NewHTTPError(code int, message ...interface{}) *HTTPError { return nil }

var (
	ErrUnauthorized = NewHTTPError(http.StatusUnauthorized)
	ErrForbidden    = NewHTTPError(http.StatusForbidden)
)

type Echo struct {
	Server *http.Server

	TLSServer *http.Server
}

func New() (e *Echo) { return nil }

func (e *Echo) Pre(middleware ...MiddlewareFunc)                              {}
func (e *Echo) Use(middleware ...MiddlewareFunc)                              {}
func (e *Echo) DELETE(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }
func (e *Echo) GET(path string, h HandlerFunc, m ...MiddlewareFunc) *Route    { return nil }
func (e *Echo) PATCH(path string, h HandlerFunc, m ...MiddlewareFunc) *Route  { return nil }
func (e *Echo) POST(path string, h HandlerFunc, m ...MiddlewareFunc) *Route   { return nil }
func (e *Echo) PUT(path string, h HandlerFunc, m ...MiddlewareFunc) *Route    { return nil }
func (e *Echo) Any(path string, handler HandlerFunc, middleware ...MiddlewareFunc) []*Route {
	return nil
}
func (e *Echo) Match(methods []string, path string, handler HandlerFunc, middleware ...MiddlewareFunc) []*Route {
	return nil
}
func (e *Echo) Add(method, path string, handler HandlerFunc, middleware ...MiddlewareFunc) *Route {
	return nil
}
func (e *Echo) Group(prefix string, m ...MiddlewareFunc) (g *Group) { return nil }
func (e *Echo) ServeHTTP(w http.ResponseWriter, r *http.Request)    {}
func (e *Echo) Start(address string) error                          { return nil }

type Group struct{}

func (g *Group) Use(middleware ...MiddlewareFunc)                              {}
func (g *Group) DELETE(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }
func (g *Group) GET(path string, h HandlerFunc, m ...MiddlewareFunc) *Route    { return nil }
func (g *Group) PATCH(path string, h HandlerFunc, m ...MiddlewareFunc) *Route  { return nil }
func (g *Group) POST(path string, h HandlerFunc, m ...MiddlewareFunc) *Route   { return nil }
func (g *Group) PUT(path string, h HandlerFunc, m ...MiddlewareFunc) *Route    { return nil }
func (g *Group) Any(path string, handler HandlerFunc, middleware ...MiddlewareFunc) []*Route {
	return nil
}
func (g *Group) Add(method, path string, handler HandlerFunc, middleware ...MiddlewareFunc) *Route {
	return nil
}
func (g *Group) Group(prefix string, middleware ...MiddlewareFunc) (sg *Group) { return nil }

func WrapHandler(h http.Handler) HandlerFunc { return nil }
