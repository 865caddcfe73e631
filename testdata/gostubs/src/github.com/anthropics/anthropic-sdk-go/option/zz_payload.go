// Stub of github.com/anthropics/anthropic-sdk-go/option, checked against v1.84.0 (payload rules: API key
// and HTTP client options). RequestOption is an alias of an internal type in the real module.
package option

import "net/http"

type HTTPClient interface {
	Do(*http.Request) (*http.Response, error)
}

func WithAPIKey(value string) RequestOption          { return nil }
func WithAuthToken(value string) RequestOption       { return nil }
func WithHTTPClient(client HTTPClient) RequestOption { return nil }
