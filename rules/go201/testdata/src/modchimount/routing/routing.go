// Package routing bounds the bodies of its root router and mounts on it
// the router the admin package builds: the admin routes are under the
// limit too.
package routing

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"modchimount/admin"
)

func Serve(addr string) error {
	root := chi.NewRouter()
	root.Use(middleware.RequestSize(1 << 20))
	root.Mount("/admin", admin.Routes())
	return http.ListenAndServe(addr, root)
}
