// Stub of github.com/openai/openai-go/v3/responses (hosted and local tool
// params), checked against openai-go v3.98.0.
package responses

import "github.com/openai/openai-go/v3/packages/param"

type ToolUnionParam struct {
	OfComputer           *ComputerToolParam
	OfComputerUsePreview *ComputerUsePreviewToolParam
	OfMcp                *ToolMcpParam
	OfLocalShell         *ToolLocalShellParam
	OfShell              *FunctionShellToolParam
	OfApplyPatch         *ApplyPatchToolParam
}

type ComputerToolParam struct{}

func NewComputerToolParam() ComputerToolParam { return ComputerToolParam{} }

type ComputerUsePreviewToolEnvironment string

const ComputerUsePreviewToolEnvironmentLinux ComputerUsePreviewToolEnvironment = "linux"

type ComputerUsePreviewToolParam struct {
	DisplayHeight int64
	DisplayWidth  int64
	Environment   ComputerUsePreviewToolEnvironment
}

func ToolParamOfComputerUsePreview(displayHeight int64, displayWidth int64, environment ComputerUsePreviewToolEnvironment) ToolUnionParam {
	return ToolUnionParam{}
}

type ToolLocalShellParam struct{}

func NewToolLocalShellParam() ToolLocalShellParam { return ToolLocalShellParam{} }

type ContainerAutoParam struct{}

type LocalEnvironmentParam struct{}

type ContainerReferenceParam struct {
	ContainerID string
}

type FunctionShellToolEnvironmentUnionParam struct {
	OfContainerAuto      *ContainerAutoParam
	OfLocal              *LocalEnvironmentParam
	OfContainerReference *ContainerReferenceParam
}

type FunctionShellToolParam struct {
	AllowedCallers []string
	Environment    FunctionShellToolEnvironmentUnionParam
}

type ApplyPatchToolParam struct {
	AllowedCallers []string
}

type ToolMcpAllowedToolsMcpToolFilterParam struct {
	ReadOnly  param.Opt[bool]
	ToolNames []string
}

type ToolMcpAllowedToolsUnionParam struct {
	OfMcpAllowedTools []string
	OfMcpToolFilter   *ToolMcpAllowedToolsMcpToolFilterParam
}

type ToolMcpRequireApprovalMcpToolApprovalFilterAlwaysParam struct {
	ReadOnly  param.Opt[bool]
	ToolNames []string
}

type ToolMcpRequireApprovalMcpToolApprovalFilterNeverParam struct {
	ReadOnly  param.Opt[bool]
	ToolNames []string
}

type ToolMcpRequireApprovalMcpToolApprovalFilterParam struct {
	Always ToolMcpRequireApprovalMcpToolApprovalFilterAlwaysParam
	Never  ToolMcpRequireApprovalMcpToolApprovalFilterNeverParam
}

type ToolMcpRequireApprovalUnionParam struct {
	OfMcpToolApprovalFilter  *ToolMcpRequireApprovalMcpToolApprovalFilterParam
	OfMcpToolApprovalSetting param.Opt[string]
}

type ToolMcpRequireApprovalMcpToolApprovalSetting string

const (
	ToolMcpRequireApprovalMcpToolApprovalSettingAlways ToolMcpRequireApprovalMcpToolApprovalSetting = "always"
	ToolMcpRequireApprovalMcpToolApprovalSettingNever  ToolMcpRequireApprovalMcpToolApprovalSetting = "never"
)

type ToolMcpParam struct {
	ServerLabel     string
	ServerURL       param.Opt[string]
	Authorization   param.Opt[string]
	AllowedTools    ToolMcpAllowedToolsUnionParam
	Headers         map[string]string
	RequireApproval ToolMcpRequireApprovalUnionParam
}

func ToolParamOfMcp(serverLabel string) ToolUnionParam { return ToolUnionParam{} }
