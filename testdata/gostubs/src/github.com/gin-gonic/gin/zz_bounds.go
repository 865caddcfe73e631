// Stub of github.com/gin-gonic/gin, checked against v1.12.0: what the
// bounds rules (GO201, GO202) use.
package gin

import (
	"net"
	"net/http"

	"github.com/gin-gonic/gin/binding"
)

type HandlerFunc func(*Context)

type OptionFunc func(*Engine)

type IRoutes interface {
	Use(...HandlerFunc) IRoutes
	POST(string, ...HandlerFunc) IRoutes
}

type RouterGroup struct{}

func (group *RouterGroup) Use(middleware ...HandlerFunc) IRoutes                     { return nil }
func (group *RouterGroup) POST(relativePath string, handlers ...HandlerFunc) IRoutes { return nil }
func (group *RouterGroup) Group(relativePath string, handlers ...HandlerFunc) *RouterGroup {
	return nil
}

type Engine struct {
	RouterGroup
	MaxMultipartMemory int64
}

func New(opts ...OptionFunc) *Engine     { return nil }
func Default(opts ...OptionFunc) *Engine { return nil }

func (engine *Engine) ServeHTTP(w http.ResponseWriter, req *http.Request) {}
func (engine *Engine) Run(addr ...string) (err error)                     { return nil }
func (engine *Engine) RunTLS(addr, certFile, keyFile string) (err error)  { return nil }
func (engine *Engine) RunUnix(file string) (err error)                    { return nil }
func (engine *Engine) RunFd(fd int) (err error)                           { return nil }
func (engine *Engine) RunListener(listener net.Listener) (err error)      { return nil }
func (engine *Engine) Handler() http.Handler                              { return nil }

type ResponseWriter interface {
	http.ResponseWriter
}

type Context struct {
	Request *http.Request
	Writer  ResponseWriter
}

func (c *Context) Next()                                                    {}
func (c *Context) Bind(obj any) error                                       { return nil }
func (c *Context) BindJSON(obj any) error                                   { return nil }
func (c *Context) ShouldBind(obj any) error                                 { return nil }
func (c *Context) ShouldBindJSON(obj any) error                             { return nil }
func (c *Context) ShouldBindBodyWith(obj any, bb binding.BindingBody) error { return nil }
func (c *Context) ShouldBindBodyWithJSON(obj any) error                     { return nil }
func (c *Context) ShouldBindQuery(obj any) error                            { return nil }
func (c *Context) GetRawData() ([]byte, error)                              { return nil, nil }
func (c *Context) JSON(code int, obj any)                                   {}
