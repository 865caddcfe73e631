// Stub of github.com/openai/openai-go/v3/packages/param, checked against
// v3.98.0: what the bounds rules (GO205) use.
package param
