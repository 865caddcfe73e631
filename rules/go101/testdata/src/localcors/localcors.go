// Package localcors: the same loopback UI, but it answers CORS
// preflights, so a web page can send the DELETE: it stays an error.
package localcors

import (
	"net/http"
	"os"
)

func remove(w http.ResponseWriter, r *http.Request) { os.RemoveAll(r.PathValue("id")) }

func allowAll(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", "*")
		w.Header().Set("Access-Control-Allow-Methods", "GET, POST, DELETE")
		next.ServeHTTP(w, r)
	})
}

func Serve() error {
	mux := http.NewServeMux()
	mux.HandleFunc("DELETE /api/sessions/{id}", remove) // want `DELETE /api/sessions/\{id\} reaches file removal .* with no authentication$`
	return http.ListenAndServe("127.0.0.1:8888", allowAll(mux))
}
