package a

import (
	"net/http"

	"authmw"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/go-chi/jwtauth/v5"
)

var tokenAuth = jwtauth.New("HS256", []byte("secret"), nil)

func chiRoutes() {
	r := chi.NewRouter()
	r.Use(middleware.Logger)
	r.Post("/v1/run", runAgent) // want `POST /v1/run reaches model call`
	r.Get("/items", list)
	r.With(authmw.RequireToken).Post("/v1/deploy", deploy)
	r.Group(func(r chi.Router) {
		r.Use(jwtauth.Verifier(tokenAuth))
		r.Use(jwtauth.Authenticator(tokenAuth))
		r.Post("/v1/save", save)
	})
	r.Group(func(r chi.Router) {
		r.Delete("/v1/items/{id}", list) // want `DELETE /v1/items/\{id\} changes state`
	})
	r.Route("/admin", func(r chi.Router) {
		r.Get("/stats", list) // want `GET /admin/stats is under /admin`
		r.Route("/secure", func(r chi.Router) {
			r.Use(middleware.BasicAuth("admin", map[string]string{"a": "b"}))
			r.Get("/stats", list)
		})
	})
	r.Mount("/api", apiRouter())
	r.Mount("/private-api", privateRouter())
	http.ListenAndServe(":9000", r)
}

func apiRouter() http.Handler {
	r := chi.NewRouter()
	r.Post("/run", runAgent) // want `POST /run reaches model call`
	return r
}

func privateRouter() chi.Router {
	r := chi.NewRouter()
	r.Use(authmw.RequireToken)
	r.Post("/run", runAgent)
	return r
}

// chiProtected: Use on the router covers every route.
func chiProtected() {
	r := chi.NewRouter()
	r.Use(localAuth)
	r.Post("/v2/run", runAgent)
	http.ListenAndServe(":9001", r)
}
