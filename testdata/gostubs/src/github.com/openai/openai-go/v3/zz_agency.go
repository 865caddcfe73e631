// Stub of github.com/openai/openai-go/v3 (field helpers), checked against v3.98.0.
package openai

import "github.com/openai/openai-go/v3/packages/param"

func Bool(b bool) param.Opt[bool] { return param.NewOpt(b) }
