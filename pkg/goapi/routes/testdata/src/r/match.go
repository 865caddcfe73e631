package r

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/gorilla/mux"
	"github.com/labstack/echo/v4"
)

// Registrations that name a list of methods: each answers those only.
func matchRoutes(verbs []string, m string) {
	g := gin.New()
	g.Match([]string{"GET", "HEAD"}, "/health", ginItem)
	safe := []string{http.MethodGet, http.MethodHead}
	g.Match(safe, "/ready", ginItem)
	g.Match(verbs, "/computed", ginItem) // not known here: not "every method"
	g.Run(":8090")

	e := echo.New()
	e.Match([]string{"put", "patch"}, "/carts/:id", func(c echo.Context) error { return nil })
	e.Start(":8091")

	r := chi.NewRouter()
	r.Method(http.MethodDelete, "/sessions/{id}", http.HandlerFunc(item))
	r.MethodFunc("OPTIONS", "/sessions", item)
	r.Method(m, "/dynamic", http.HandlerFunc(item))
	http.ListenAndServe(":8092", r)

	x := mux.NewRouter()
	x.HandleFunc("/files/{name}", item).Methods("GET", "POST")
	http.ListenAndServe(":8093", x)
}
