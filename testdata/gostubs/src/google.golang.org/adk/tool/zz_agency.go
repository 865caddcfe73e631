// Stub of google.golang.org/adk/tool, checked against the google/adk-go
// sources (v1 tool.Context; v2 moved it to agent.Context).
package tool

import "context"

type Context interface {
	context.Context
	RequestConfirmation(hint string, payload any) error
}

type Tool interface {
	Name() string
	Description() string
	IsLongRunning() bool
}
