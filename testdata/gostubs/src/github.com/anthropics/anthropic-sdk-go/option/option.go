// Stub of github.com/anthropics/anthropic-sdk-go/option, checked against v1.84.0.
package option

type RequestOption = func(any) error
