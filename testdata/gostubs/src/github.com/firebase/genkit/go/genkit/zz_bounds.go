// Stub of github.com/firebase/genkit/go/genkit, checked against v1.4.0: what
// the bounds rules (GO204) use.
package genkit

import (
	"context"

	"github.com/firebase/genkit/go/ai"
)

type Genkit struct{}

func Generate(ctx context.Context, g *Genkit, opts ...ai.GenerateOption) (*ai.ModelResponse, error) {
	return nil, nil
}
