// What the LLM SDK field audit (docs/go.md) uses: tool definitions,
// checked against v0.17.4.
package api

type ToolProperty struct {
	Type        string
	Description string
}

type ToolFunctionParameters struct {
	Type       string
	Required   []string
	Properties map[string]ToolProperty
}

type ToolFunction struct {
	Name        string
	Description string
	Parameters  ToolFunctionParameters
}

type Tool struct {
	Type     string
	Function ToolFunction
}

type ToolCallFunctionArguments map[string]any

type ToolCallFunction struct {
	Index     int
	Name      string
	Arguments ToolCallFunctionArguments
}

type ToolCall struct{ Function ToolCallFunction }
