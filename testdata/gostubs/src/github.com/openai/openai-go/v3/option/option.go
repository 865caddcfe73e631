// Stub of github.com/openai/openai-go/v3/option, checked against v3.98.0.
package option

type RequestOption interface {
	Apply() error
}

func WithAPIKey(value string) RequestOption { return nil }
