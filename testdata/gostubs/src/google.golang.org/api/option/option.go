// Stub of google.golang.org/api/option, checked against v0.313.0.
package option

type ClientOption interface{}

func WithScopes(scope ...string) ClientOption          { return nil }
func WithCredentialsFile(filename string) ClientOption { return nil }
