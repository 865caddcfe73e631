// Package routes registers the handlers on a router it is handed.
package routes

import (
	"net/http"

	"modserve/handlers"
)

func Add(mux *http.ServeMux) {
	mux.HandleFunc("POST /plans", handlers.Create)
}
