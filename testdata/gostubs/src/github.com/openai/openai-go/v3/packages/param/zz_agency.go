// Stub of github.com/openai/openai-go/v3/packages/param, checked against openai-go v3.98.0.
package param
