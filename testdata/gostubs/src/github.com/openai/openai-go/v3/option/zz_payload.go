// Stub of github.com/openai/openai-go/v3/option, checked against v3.98.0 (payload rules: API key and
// HTTP client options). RequestOption is an alias of an internal type in the real module.
package option

import "net/http"

type HTTPClient interface {
	Do(*http.Request) (*http.Response, error)
}

func WithHTTPClient(client HTTPClient) RequestOption { return nil }
