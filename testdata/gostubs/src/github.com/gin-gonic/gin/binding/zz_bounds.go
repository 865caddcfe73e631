// Stub of github.com/gin-gonic/gin/binding, checked against gin v1.12.0.
package binding

import "net/http"

type Binding interface {
	Name() string
	Bind(*http.Request, any) error
}

type BindingBody interface {
	Binding
	BindBody([]byte, any) error
}

type jsonBinding struct{}

func (jsonBinding) Name() string                          { return "json" }
func (jsonBinding) Bind(req *http.Request, obj any) error { return nil }
func (jsonBinding) BindBody(body []byte, obj any) error   { return nil }

var JSON BindingBody = jsonBinding{}
