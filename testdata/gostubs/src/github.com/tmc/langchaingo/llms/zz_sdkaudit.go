// What the LLM SDK field audit (docs/go.md) uses: chat messages, text
// parts and function definitions, checked against v0.1.14.
package llms

type SystemChatMessage struct{ Content string }

type TextContent struct{ Text string }

type FunctionDefinition struct {
	Name        string
	Description string
	Parameters  any
	Strict      bool
}

type Tool struct {
	Type     string
	Function *FunctionDefinition
}
