// Package gin is a stub of github.com/gin-gonic/gin (v1.12.0): only what
// the fixture calls.
package gin

type HandlerFunc func(*Context)

type IRoutes interface{}

type RouterGroup struct{}

func (group *RouterGroup) GET(relativePath string, handlers ...HandlerFunc) IRoutes { return nil }
func (group *RouterGroup) Any(relativePath string, handlers ...HandlerFunc) IRoutes { return nil }
func (group *RouterGroup) Match(methods []string, relativePath string, handlers ...HandlerFunc) IRoutes {
	return nil
}

type Engine struct{ RouterGroup }

func New() *Engine                                    { return nil }
func (engine *Engine) Run(addr ...string) (err error) { return nil }

type Context struct{}

func (c *Context) Status(code int) {}
