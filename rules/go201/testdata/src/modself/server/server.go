// Package server mounts the refresh handler of another package with no
// middleware in front.
package server

import (
	"net/http"

	"modself/handlers"
)

func Serve(addr string) error {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /auth/refresh", handlers.Refresh)
	mux.HandleFunc("POST /auth/login", handlers.Login)
	return http.ListenAndServe(addr, mux)
}
