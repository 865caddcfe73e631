// Stub of github.com/openai/openai-go/v3/realtime, checked against v2.7.1.
package realtime

import "github.com/openai/openai-go/v3/packages/param"

type RealtimeSessionCreateRequestParam struct {
	Instructions param.Opt[string]
	Model        string
}
