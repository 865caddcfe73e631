// Package b skips TLS verification but talks to no model: gosec G402's
// business, not GO502's.
package b

import (
	"crypto/tls"
	"net/http"
)

func Client() *http.Client {
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
}
