// Package public serves a second router of its own, with no body limit,
// and hands it to the hooks package to register on.
package public

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"modchihand/hooks"
)

func Serve(addr string) error {
	r := chi.NewRouter()
	hooks.Register(r)
	return http.ListenAndServe(addr, r)
}
