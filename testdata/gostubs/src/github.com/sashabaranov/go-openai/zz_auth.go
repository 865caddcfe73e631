// Package openai is a stub of github.com/sashabaranov/go-openai, checked against v1.43.0.
package openai
