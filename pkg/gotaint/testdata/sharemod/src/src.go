// Package src hands out what a request carries.
package src

import "net/http"

// Query returns the request's query string.
func Query(r *http.Request) string { return r.URL.RawQuery }
