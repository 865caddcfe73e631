// Stub of github.com/gin-gonic/gin, checked against v1.12.0 (payload rules: binders and raw body).
package gin

import "net/http"

// H is a shortcut for map[string]any.
type H map[string]any

type Context struct {
	Request *http.Request
}

func (c *Context) Bind(obj any) error                   { return nil }
func (c *Context) BindJSON(obj any) error               { return nil }
func (c *Context) ShouldBind(obj any) error             { return nil }
func (c *Context) ShouldBindJSON(obj any) error         { return nil }
func (c *Context) ShouldBindBodyWithJSON(obj any) error { return nil }
func (c *Context) GetRawData() ([]byte, error)          { return nil, nil }
func (c *Context) JSON(code int, obj any)               {}
