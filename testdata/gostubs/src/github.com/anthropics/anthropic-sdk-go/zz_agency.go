// Stub of github.com/anthropics/anthropic-sdk-go (tool and MCP connector
// params), checked against v1.84.0.
package anthropic

import (
	"context"
	"encoding/json"

	"github.com/anthropics/anthropic-sdk-go/packages/param"
)

func Bool(b bool) param.Opt[bool] { return param.NewOpt(b) }

type BetaToolInputSchemaParam struct {
	Properties any
	Required   []string
}

type BetaToolResultBlockParamContentUnion struct{}

// BetaTool is what the SDK's tool runners accept.
type BetaTool interface {
	Name() string
	Description() string
	InputSchema() BetaToolInputSchemaParam
	Execute(ctx context.Context, input json.RawMessage) ([]BetaToolResultBlockParamContentUnion, error)
}

type ToolBash20250124Param struct {
	DeferLoading param.Opt[bool]
}

type ToolTextEditor20250728Param struct {
	MaxCharacters param.Opt[int64]
}

type CodeExecutionTool20250825Param struct{}

type BetaToolBash20250124Param struct {
	DeferLoading param.Opt[bool]
}

type BetaToolComputerUse20250124Param struct {
	DisplayHeightPx int64
	DisplayWidthPx  int64
	DisplayNumber   param.Opt[int64]
}

type BetaComputerToolset20260801Param struct{}

type BetaMCPToolConfigParam struct {
	DeferLoading param.Opt[bool]
	Enabled      param.Opt[bool]
}

type BetaMCPToolDefaultConfigParam struct {
	DeferLoading param.Opt[bool]
	Enabled      param.Opt[bool]
}

type BetaMCPToolsetParam struct {
	MCPServerName string
	Configs       map[string]BetaMCPToolConfigParam
	DefaultConfig BetaMCPToolDefaultConfigParam
}

type BetaToolUnionParam struct {
	OfBashTool20250124        *BetaToolBash20250124Param
	OfComputerUseTool20250124 *BetaToolComputerUse20250124Param
	OfComputerToolset20260801 *BetaComputerToolset20260801Param
	OfMCPToolset              *BetaMCPToolsetParam
}

func BetaToolUnionParamOfComputerUseTool20250124(displayHeightPx int64, displayWidthPx int64) BetaToolUnionParam {
	return BetaToolUnionParam{}
}

type BetaRequestMCPServerToolConfigurationParam struct {
	Enabled      param.Opt[bool]
	AllowedTools []string
}

type BetaRequestMCPServerURLDefinitionParam struct {
	Name               string
	URL                string
	AuthorizationToken param.Opt[string]
	ToolConfiguration  BetaRequestMCPServerToolConfigurationParam
}
