// Package app installs mw's body limit in front of its own handlers: a
// limiter from another package is not seen (no facts), so create is
// still reported.
package app

import (
	"encoding/json"
	"net/http"

	"chain/mw"
)

func create(w http.ResponseWriter, r *http.Request) {
	var v map[string]any
	_ = json.NewDecoder(r.Body).Decode(&v) // want `json.NewDecoder reads r.Body with no size limit`
}

func Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /items", create)
	return mw.WithMaxBodySize(1 << 20)(mw.WithParse()(mux))
}
