// Stub of github.com/anthropics/anthropic-sdk-go, checked against v1.84.0 (payload rules: client and
// tool-use blocks).
package anthropic

import (
	"encoding/json"

	"github.com/anthropics/anthropic-sdk-go/option"
)

func NewClient(opts ...option.RequestOption) (r Client) { return }

type ToolUseBlock struct {
	ID    string
	Input json.RawMessage
	Name  string
}
