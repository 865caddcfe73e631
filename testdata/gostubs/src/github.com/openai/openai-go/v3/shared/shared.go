// Stub of github.com/openai/openai-go/v3/shared, checked against v3.98.0.
package shared

import "github.com/openai/openai-go/v3/packages/param"

type ChatModel = string

type FunctionParameters map[string]any

type FunctionDefinitionParam struct {
	Name        string             `json:"name"`
	Strict      param.Opt[bool]    `json:"strict,omitzero"`
	Description param.Opt[string]  `json:"description,omitzero"`
	Parameters  FunctionParameters `json:"parameters,omitzero"`
}
