// Stub of github.com/anthropics/anthropic-sdk-go/tools/agenttoolset, checked
// against v1.84.0: what the bounds rules (GO203) use.
package agenttoolset
