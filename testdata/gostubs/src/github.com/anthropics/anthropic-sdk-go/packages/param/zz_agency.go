// Stub of github.com/anthropics/anthropic-sdk-go/packages/param, checked against anthropic-sdk-go v1.84.0.
package param
