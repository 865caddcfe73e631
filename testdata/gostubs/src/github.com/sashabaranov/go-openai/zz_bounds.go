// Stub of github.com/sashabaranov/go-openai, checked against v1.43.0: what the
// bounds rules (GO204, GO205) use.
package openai

type FunctionCall struct {
	Name      string
	Arguments string
}

type ToolCall struct {
	Index    *int
	ID       string
	Function FunctionCall
}

type ChatCompletionMessage struct {
	Role       string
	Content    string
	ToolCalls  []ToolCall
	ToolCallID string
}

type ChatCompletionChoice struct {
	Index        int
	Message      ChatCompletionMessage
	FinishReason string
}
