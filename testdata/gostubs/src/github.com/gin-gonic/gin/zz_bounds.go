// Stub of github.com/gin-gonic/gin, checked against v1.12.0: what the
// bounds rules (GO201, GO202) use.
package gin

import (
	"net"
	"net/http"

	"github.com/gin-gonic/gin/binding"
)

type OptionFunc func(*Engine)

func (engine *Engine) RunTLS(addr, certFile, keyFile string) (err error) { return nil }
func (engine *Engine) RunUnix(file string) (err error)                   { return nil }
func (engine *Engine) RunFd(fd int) (err error)                          { return nil }
func (engine *Engine) RunListener(listener net.Listener) (err error)     { return nil }
func (engine *Engine) Handler() http.Handler                             { return nil }

type ResponseWriter interface {
	http.ResponseWriter
}

func (c *Context) Bind(obj any) error                                       { return nil }
func (c *Context) BindJSON(obj any) error                                   { return nil }
func (c *Context) ShouldBind(obj any) error                                 { return nil }
func (c *Context) ShouldBindJSON(obj any) error                             { return nil }
func (c *Context) ShouldBindBodyWith(obj any, bb binding.BindingBody) error { return nil }
func (c *Context) ShouldBindBodyWithJSON(obj any) error                     { return nil }
func (c *Context) ShouldBindQuery(obj any) error                            { return nil }
func (c *Context) GetRawData() ([]byte, error)                              { return nil, nil }
