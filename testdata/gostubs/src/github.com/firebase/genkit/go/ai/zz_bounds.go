// Stub of github.com/firebase/genkit/go/ai, checked against v1.4.0: what the
// bounds rules (GO204) use.
package ai

type commonGenOptions struct {
	MaxTurns int
}

type promptingOptions struct{}

type generateOptions struct{}

type GenerateOption interface {
	applyGenerate(*generateOptions) error
}

type CommonGenOption interface {
	applyCommonGen(*commonGenOptions) error
	applyGenerate(*generateOptions) error
}

type PromptingOption interface {
	applyPrompting(*promptingOptions) error
	applyGenerate(*generateOptions) error
}

func (o *commonGenOptions) applyCommonGen(*commonGenOptions) error { return nil }
func (o *commonGenOptions) applyGenerate(*generateOptions) error   { return nil }
func (o *promptingOptions) applyPrompting(*promptingOptions) error { return nil }
func (o *promptingOptions) applyGenerate(*generateOptions) error   { return nil }

func WithMaxTurns(maxTurns int) CommonGenOption { return &commonGenOptions{MaxTurns: maxTurns} }

func WithPrompt(text string, args ...any) PromptingOption { return &promptingOptions{} }

type ModelResponse struct{}
