package a

import (
	"net/http"

	"authmw"

	"github.com/gorilla/mux"
)

func gorillaRoutes() {
	r := mux.NewRouter()
	r.HandleFunc("/run", runAgent).Methods("POST") // want `POST /run reaches model call`
	r.HandleFunc("/items", list).Methods("GET")
	r.HandleFunc("/items/{id}", list).Methods(http.MethodDelete) // want `DELETE /items/\{id\} changes state`
	api := r.PathPrefix("/api").Subrouter()
	api.Use(authmw.RequireToken)
	api.HandleFunc("/run", runAgent).Methods("POST")
	r.Methods("POST").Path("/deploy").HandlerFunc(deploy) // want `POST /deploy reaches command execution`
	http.ListenAndServe(":8080", r)
}

func gorillaProtected() {
	r := mux.NewRouter()
	r.Use(mux.MiddlewareFunc(localAuth))
	r.HandleFunc("/run", runAgent).Methods("POST")
	http.ListenAndServe(":8081", r)
}
