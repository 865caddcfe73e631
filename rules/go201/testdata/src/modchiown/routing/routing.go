// Package routing bounds the bodies of its root router, and serves beside
// it the admin package's router, which that package builds itself with no
// limit.
package routing

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"modchiown/admin"
	"modchiown/handlers"
)

func Serve(addr, adminAddr string) error {
	root := chi.NewRouter()
	root.Use(middleware.RequestSize(1 << 20))
	root.Route("/projects", handlers.Projects)
	go http.ListenAndServe(adminAddr, admin.Router())
	return http.ListenAndServe(addr, root)
}
