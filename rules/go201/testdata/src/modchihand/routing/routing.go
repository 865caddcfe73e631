// Package routing bounds the bodies of its root router and hands it to the
// handlers package; a second server, in package public, builds its own
// router with no limit and hands it to the hooks package.
package routing

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"modchihand/handlers"
)

func Serve(addr string) error {
	root := chi.NewRouter()
	root.Use(middleware.RequestSize(1 << 20))
	root.Route("/projects", handlers.Projects)
	return http.ListenAndServe(addr, root)
}
