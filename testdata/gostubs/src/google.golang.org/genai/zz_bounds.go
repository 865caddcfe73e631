// Stub of google.golang.org/genai, checked against v1.77.0: what the bounds
// rules (GO204, GO205) use.
package genai

import "context"

type Client struct {
	Models *Models
	Chats  *Chats
}

type Part struct {
	Text string
}

type Content struct {
	Parts []*Part
	Role  string
}

func Text(text string) []*Content { return nil }

type GenerateContentConfig struct {
	Temperature       *float32
	MaxOutputTokens   int32
	SystemInstruction *Content
	Tools             []*Tool
}

type Tool struct {
	FunctionDeclarations []*FunctionDeclaration
}

type FunctionCall struct {
	ID   string
	Name string
	Args map[string]any
}

type GenerateContentResponse struct{}

func (r *GenerateContentResponse) Text() string                   { return "" }
func (r *GenerateContentResponse) FunctionCalls() []*FunctionCall { return nil }

type Models struct{}

func (m Models) GenerateContent(ctx context.Context, model string, contents []*Content, config *GenerateContentConfig) (*GenerateContentResponse, error) {
	return nil, nil
}

type Chats struct{}

type Chat struct{}

func (c *Chats) Create(ctx context.Context, model string, config *GenerateContentConfig, history []*Content) (*Chat, error) {
	return nil, nil
}
