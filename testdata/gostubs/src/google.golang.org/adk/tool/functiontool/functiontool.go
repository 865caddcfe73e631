// Stub of google.golang.org/adk/tool/functiontool, checked against the
// google/adk-go sources (the module proxy does not serve google.golang.org/adk).
package functiontool

import "google.golang.org/adk/tool"

// Config: InputSchema and OutputSchema are *jsonschema.Schema
// (github.com/google/jsonschema-go) in the real module.
type Config struct {
	Name                        string
	Description                 string
	InputSchema                 any
	OutputSchema                any
	IsLongRunning               bool
	RequireConfirmation         bool
	RequireConfirmationProvider any
}

type Func[TArgs, TResults any] func(tool.Context, TArgs) (TResults, error)

func New[TArgs, TResults any](cfg Config, handler Func[TArgs, TResults]) (tool.Tool, error) {
	return nil, nil
}
