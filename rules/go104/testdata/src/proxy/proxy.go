// Package proxy is a reverse proxy in front of the team's own services: it
// forwards requests, credentials included, to backends that check them.
package proxy

import (
	"net/http"
)

func forward(w http.ResponseWriter, r *http.Request) {
	out, _ := http.NewRequest(r.Method, "http://backend.internal"+r.URL.Path, r.Body)
	out.Header.Set("Authorization", r.Header.Get("Authorization")) // want `An outgoing request \(Header.Set\) gets the caller's Authorization header.* \(a warning, not an error: the package is a reverse proxy or gateway`
	http.DefaultClient.Do(out)
}
