// Package oauth holds a registration handler that the server package
// mounts as it is, outside the limiter it puts on its MCP endpoint.
package oauth

import (
	"encoding/json"
	"net/http"
)

type client struct{ Name string }

func Register(w http.ResponseWriter, r *http.Request) {
	var c client
	if err := json.NewDecoder(r.Body).Decode(&c); err != nil { // want `json.NewDecoder reads r.Body with no size limit`
		http.Error(w, "bad request", http.StatusBadRequest)
	}
}
