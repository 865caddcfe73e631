// Package fakedep is a dependency that exists only in the vendor directory.
package fakedep

// Request is what the service decodes.
type Request struct {
	Prompt string `json:"prompt"`
}
