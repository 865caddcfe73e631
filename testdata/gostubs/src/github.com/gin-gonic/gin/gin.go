// Package gin is a stub of github.com/gin-gonic/gin, checked against v1.12.0.
package gin

import "net/http"

type HandlerFunc func(*Context)

type IRoutes interface {
	Use(...HandlerFunc) IRoutes
	Handle(string, string, ...HandlerFunc) IRoutes
	Any(string, ...HandlerFunc) IRoutes
	GET(string, ...HandlerFunc) IRoutes
	POST(string, ...HandlerFunc) IRoutes
	DELETE(string, ...HandlerFunc) IRoutes
	PATCH(string, ...HandlerFunc) IRoutes
	PUT(string, ...HandlerFunc) IRoutes
}

type RouterGroup struct{}

func (group *RouterGroup) Use(middleware ...HandlerFunc) IRoutes { return nil }
func (group *RouterGroup) Group(relativePath string, handlers ...HandlerFunc) *RouterGroup {
	return nil
}
func (group *RouterGroup) Handle(httpMethod, relativePath string, handlers ...HandlerFunc) IRoutes {
	return nil
}
func (group *RouterGroup) POST(relativePath string, handlers ...HandlerFunc) IRoutes    { return nil }
func (group *RouterGroup) GET(relativePath string, handlers ...HandlerFunc) IRoutes     { return nil }
func (group *RouterGroup) DELETE(relativePath string, handlers ...HandlerFunc) IRoutes  { return nil }
func (group *RouterGroup) PATCH(relativePath string, handlers ...HandlerFunc) IRoutes   { return nil }
func (group *RouterGroup) PUT(relativePath string, handlers ...HandlerFunc) IRoutes     { return nil }
func (group *RouterGroup) OPTIONS(relativePath string, handlers ...HandlerFunc) IRoutes { return nil }
func (group *RouterGroup) HEAD(relativePath string, handlers ...HandlerFunc) IRoutes    { return nil }
func (group *RouterGroup) Any(relativePath string, handlers ...HandlerFunc) IRoutes     { return nil }
func (group *RouterGroup) Match(methods []string, relativePath string, handlers ...HandlerFunc) IRoutes {
	return nil
}

type Engine struct {
	RouterGroup

	MaxMultipartMemory int64
}

func New() *Engine     { return nil }
func Default() *Engine { return nil }

func (engine *Engine) Use(middleware ...HandlerFunc) IRoutes              { return nil }
func (engine *Engine) Run(addr ...string) (err error)                     { return nil }
func (engine *Engine) ServeHTTP(w http.ResponseWriter, req *http.Request) {}

type H map[string]any

type Context struct {
	Request *http.Request

	Writer ResponseWriter
}

func (c *Context) Next()                                         {}
func (c *Context) Abort()                                        {}
func (c *Context) Redirect(code int, location string)            {}
func (c *Context) AbortWithStatus(code int)                      {}
func (c *Context) AbortWithStatusJSON(code int, obj any)         {}
func (c *Context) GetHeader(key string) string                   { return "" }
func (c *Context) JSON(code int, obj any)                        {}
func (c *Context) String(code int, format string, values ...any) {}
func (c *Context) Param(key string) string                       { return "" }

type Accounts map[string]string

func BasicAuth(accounts Accounts) HandlerFunc                       { return nil }
func BasicAuthForRealm(accounts Accounts, realm string) HandlerFunc { return nil }
func BasicAuthForProxy(accounts Accounts, realm string) HandlerFunc { return nil }
func WrapH(h http.Handler) HandlerFunc                              { return nil }
func WrapF(f http.HandlerFunc) HandlerFunc                          { return nil }
