// What the LLM SDK field audit (docs/go.md) uses: system prompts and tools,
// checked against v1.4.0.
package ai

type ToolContext struct{}

type ToolFunc[In, Out any] func(ctx *ToolContext, input In) (Out, error)

type ToolDef[In, Out any] struct{}

type MultipartToolResponse struct{}

func WithSystem(text string, args ...any) PromptingOption { return &promptingOptions{} }

func NewTool[In, Out any](name, description string, fn ToolFunc[In, Out]) *ToolDef[In, Out] {
	return nil
}

func (r *ModelResponse) Text() string { return "" }
