// Stub of github.com/anthropics/anthropic-sdk-go, checked against v1.84.0 (payload rules: client and
// tool-use blocks).
package anthropic
