// Stub of github.com/go-chi/chi/v5, checked against v5.5.0: what the bounds
// rules use.
package chi

import "net/http"

type Mux struct{}

func NewRouter() *Mux { return nil }

func (mx *Mux) Use(middlewares ...func(http.Handler) http.Handler) {}
func (mx *Mux) Post(pattern string, handlerFn http.HandlerFunc)    {}
func (mx *Mux) ServeHTTP(w http.ResponseWriter, r *http.Request)   {}
