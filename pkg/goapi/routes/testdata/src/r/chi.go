package r

import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

func chiRoutes() {
	r := chi.NewRouter()
	r.Get("/orders/{orderID}", item)
	r.Get("/users/{id:[0-9]+}", item)
	r.Route("/v1", func(r chi.Router) {
		r.Post("/orders", create)
		r.Route("/admin", func(r chi.Router) {
			r.Delete("/cache", item)
		})
	})
	r.With(auth).Get("/me", item)
	r.Handle("/assets/*", http.HandlerFunc(item))
	r.Mount("/billing", billing())
	http.ListenAndServe(":8081", r)
}

func auth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "" {
			w.WriteHeader(401)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func billing() http.Handler {
	r := chi.NewRouter()
	r.Get("/invoices/{id}", item)
	return r
}
