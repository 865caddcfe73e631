// Stub of github.com/ollama/ollama/api, checked against v0.17.4 (payload rules: client constructor).
package api

import (
	"net/http"
	"net/url"
)

func NewClient(base *url.URL, http *http.Client) *Client { return nil }
