// Stub of github.com/anthropics/anthropic-sdk-go/tools/agenttoolset, checked
// against anthropic-sdk-go v1.84.0.
package agenttoolset

import anthropic "github.com/anthropics/anthropic-sdk-go"

type AgentToolContext struct {
	Workdir string
	// Deprecated in v1.84.0: every tool call fails while it is set. Older
	// releases let the file tools reach any path.
	UnrestrictedPaths bool
	AllowedRoots      []string
	MaxFileBytes      int64
	Env               map[string]string
	ReadOnlyRoots     []string
}

func BetaAgentToolset20260401(env *AgentToolContext) []anthropic.BetaTool { return nil }
func BetaBashTool(env *AgentToolContext) anthropic.BetaTool               { return nil }
func BetaReadTool(env *AgentToolContext) anthropic.BetaTool               { return nil }
func BetaWriteTool(env *AgentToolContext) anthropic.BetaTool              { return nil }
func BetaEditTool(env *AgentToolContext) anthropic.BetaTool               { return nil }
func BetaGlobTool(env *AgentToolContext) anthropic.BetaTool               { return nil }
func BetaGrepTool(env *AgentToolContext) anthropic.BetaTool               { return nil }
func CloseAll(ts []anthropic.BetaTool)                                    {}
