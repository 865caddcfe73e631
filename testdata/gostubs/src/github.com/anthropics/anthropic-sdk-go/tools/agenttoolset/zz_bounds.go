// Stub of github.com/anthropics/anthropic-sdk-go/tools/agenttoolset, checked
// against v1.84.0: what the bounds rules (GO203) use.
package agenttoolset

type AgentToolContext struct {
	Workdir           string
	UnrestrictedPaths bool
	AllowedRoots      []string
	MaxFileBytes      int64
	Env               map[string]string
}
