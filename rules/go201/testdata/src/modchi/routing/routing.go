// Package routing builds the service's only router: it bounds every body
// with chi's RequestSize on the root, and mounts the API router, whose
// routes another package registers on the router it is handed, and serves
// a handler a third package's constructor returns.
package routing

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"modchi/handlers"
	"modchi/hooks"
)

func NewRouter() http.Handler {
	root := chi.NewRouter()
	root.Use(middleware.RequestSize(1 << 20))
	root.Mount("/api", api())
	root.Post("/hooks/events", hooks.NewHandler())
	return root
}

func api() http.Handler {
	r := chi.NewRouter()
	r.Route("/projects", handlers.Projects)
	return r
}

func Serve(addr string) error { return http.ListenAndServe(addr, NewRouter()) }
