// Stub of github.com/anthropics/anthropic-sdk-go/option, checked against
// v1.84.0. The real RequestOption is an alias of an internal interface.
package option
