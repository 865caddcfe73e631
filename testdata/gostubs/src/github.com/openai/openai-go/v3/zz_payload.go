// Stub of github.com/openai/openai-go/v3, checked against v3.98.0 (payload rules: client and tool calls).
package openai
