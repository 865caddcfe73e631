// Stub of github.com/labstack/echo/v4, checked against v4.16.0: what the
// bounds rules (GO201, GO202, GO203) use.
package echo

import "net/http"

type HandlerFunc func(c Context) error

type MiddlewareFunc func(next HandlerFunc) HandlerFunc

type Context interface {
	Request() *http.Request
	Response() *Response
	Bind(i any) error
	JSON(code int, i any) error
}

type Response struct {
	Writer http.ResponseWriter
}

type Route struct{}

type Echo struct {
	Server    *http.Server
	TLSServer *http.Server
}

func New() (e *Echo) { return nil }

func (e *Echo) Use(middleware ...MiddlewareFunc)                            {}
func (e *Echo) POST(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }
func (e *Echo) Start(address string) error                                  { return nil }
func (e *Echo) StartTLS(address string, certFile, keyFile interface{}) (err error) {
	return nil
}
func (e *Echo) StartAutoTLS(address string) error      { return nil }
func (e *Echo) StartServer(s *http.Server) (err error) { return nil }
