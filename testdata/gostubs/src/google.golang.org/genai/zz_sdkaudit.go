// What the LLM SDK field audit (docs/go.md) uses: every configuration
// with a system instruction, function declarations and the Live API,
// checked against v1.47.0.
package genai

import "context"

type CountTokensConfig struct{ SystemInstruction *Content }

type CreateCachedContentConfig struct{ SystemInstruction *Content }

type LiveConnectConfig struct{ SystemInstruction *Content }

type LiveClientSetup struct {
	Model             string
	SystemInstruction *Content
}

type Schema struct {
	Type        string
	Description string
}

type FunctionDeclaration struct {
	Description          string
	Name                 string
	Parameters           *Schema
	ParametersJsonSchema any
	Response             *Schema
	ResponseJsonSchema   any
}

type LiveServerContent struct{ ModelTurn *Content }

type LiveServerMessage struct{ ServerContent *LiveServerContent }

type Live struct{}

type Session struct{}

func (l *Live) Connect(ctx context.Context, model string, config *LiveConnectConfig) (*Session, error) {
	return nil, nil
}

func (s *Session) Receive() (*LiveServerMessage, error) { return nil, nil }

func (c *Chat) SendMessage(ctx context.Context, parts ...Part) (*GenerateContentResponse, error) {
	return nil, nil
}
