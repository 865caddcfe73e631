// Stub of github.com/sashabaranov/go-openai, checked against v1.43.0: what the
// bounds rules (GO204, GO205) use.
package openai
