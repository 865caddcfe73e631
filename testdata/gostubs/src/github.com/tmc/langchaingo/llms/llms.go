// Stub of github.com/tmc/langchaingo/llms, checked against v0.1.14.
package llms

import "context"

type ChatMessageType string

const (
	ChatMessageTypeAI      ChatMessageType = "ai"
	ChatMessageTypeHuman   ChatMessageType = "human"
	ChatMessageTypeSystem  ChatMessageType = "system"
	ChatMessageTypeGeneric ChatMessageType = "generic"
	ChatMessageTypeTool    ChatMessageType = "tool"
)

type ContentPart interface{}

type MessageContent struct {
	Role  ChatMessageType
	Parts []ContentPart
}

func TextParts(role ChatMessageType, parts ...string) MessageContent { return MessageContent{} }

type CallOption func(*CallOptions)

type CallOptions struct{}

type ContentChoice struct {
	Content    string
	StopReason string
}

type ContentResponse struct {
	Choices []*ContentChoice
}

type Model interface {
	GenerateContent(ctx context.Context, messages []MessageContent, options ...CallOption) (*ContentResponse, error)
	Call(ctx context.Context, prompt string, options ...CallOption) (string, error)
}

func GenerateFromSinglePrompt(ctx context.Context, llm Model, prompt string, options ...CallOption) (string, error) {
	return "", nil
}
