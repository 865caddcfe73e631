// Package appconv converts a tool kind chosen by configuration, not a
// tool value a caller passes in: the provider's shell tool it builds is
// the program's own choice, an error.
package appconv

import "github.com/openai/openai-go/v3/responses"

// Kind is a configured tool kind.
type Kind int

const Shell Kind = 1

// Config is read from a file.
type Config struct{ Tool Kind }

var cfg Config

func tools() []responses.ToolUnionParam {
	switch cfg.Tool {
	case Shell:
		return []responses.ToolUnionParam{{OfLocalShell: &responses.ToolLocalShellParam{}}} // want `responses.ToolLocalShellParam hands the model a shell whose commands this program runs$`
	}
	return nil
}
