package chilimited

import (
	"encoding/json"
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
)

type prompt struct{ Text string }

// Silent: chi's RequestSize middleware limits the bodies of the router.

func router() *chi.Mux {
	r := chi.NewRouter()
	r.Use(middleware.RequestSize(1 << 20))
	r.Post("/v1/chat", chat)
	return r
}

func chat(w http.ResponseWriter, r *http.Request) {
	var p prompt
	_ = json.NewDecoder(r.Body).Decode(&p)
}
