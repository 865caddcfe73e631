package r

import (
	"net/http"

	"github.com/gorilla/mux"
)

func gorillaRoutes() {
	m := mux.NewRouter()
	m.HandleFunc("/accounts/{id:[0-9]+}", item).Methods("GET")
	s := m.PathPrefix("/v3").Subrouter()
	s.HandleFunc("/accounts", item).Methods("POST")
	m.HandleFunc("/any", item)
	m.PathPrefix("/debug/").Handler(http.DefaultServeMux)
	http.ListenAndServe(":8085", m)
}
